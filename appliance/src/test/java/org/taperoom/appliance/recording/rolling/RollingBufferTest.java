package org.taperoom.appliance.recording.rolling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The always-on rolling buffer: bounded on disk, exact in content, still there after a restart. */
class RollingBufferTest {
    private static final int CHANNELS = 2;
    private static final int RATE = 48000;
    private static final int SEGMENT = 4800;
    private static final long SEGMENT_BYTES = SEGMENT * CHANNELS * 4L;
    private static final int RING = 1 << 14;

    @TempDir
    Path dir;

    /** A ring whose channel c holds the value position * 2 + c (an index signal, like the simulator's). */
    private final int[][] lanes = new int[CHANNELS][RING];

    private void feed(RollingBuffer b, long from, long frames) throws IOException {
        for (long f = from; f < from + frames; f += 1024) {
            int n = (int) Math.min(1024, from + frames - f);
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < CHANNELS; c++) lanes[c][(int) ((f + i) & (RING - 1))] = (int) ((f + i) * 2 + c);
            }
            b.append(lanes, RING - 1, f, n);
        }
    }

    private long folderBytes() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private RollingBuffer open(long session, long maxBytes, long reserve, long diskBytes) throws IOException {
        return new RollingBuffer(dir, CHANNELS, RATE, session, SEGMENT, maxBytes, reserve, () -> {
            try {
                return diskBytes - folderBytes();
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
    }

    @Test
    void theBufferRotatesWholeFilesAndNeverHoldsMoreThanItsLength() throws IOException {
        try (RollingBuffer b = open(1000, 3 * SEGMENT_BYTES, 0, Long.MAX_VALUE / 2)) {
            for (int i = 0; i < 10; i++) {
                feed(b, (long) i * SEGMENT, SEGMENT);
                assertTrue(folderBytes() <= 3 * SEGMENT_BYTES, "after segment " + i + ": " + folderBytes() + " bytes");
            }
            assertEquals(3, b.segments().size());
            assertEquals(7L * SEGMENT, b.segments().get(0).firstFrame(), "the oldest files went first");
        }
    }

    @Test
    void aSmallDiskIsNeverFilledBelowTheReserve() throws IOException {
        long disk = 10 * SEGMENT_BYTES;
        long reserve = 6 * SEGMENT_BYTES;
        try (RollingBuffer b = open(1000, 100 * SEGMENT_BYTES, reserve, disk)) {
            for (int i = 0; i < 12; i++) {
                feed(b, (long) i * SEGMENT, SEGMENT);
                assertTrue(disk - folderBytes() >= reserve, "free space went below the reserve after segment " + i);
            }
            assertEquals(4, b.segments().size(), "the buffer shrank to what the disk allows");
        }
    }

    @Test
    void historyReadsTheExactFramesBeforeAPosition() throws IOException {
        try (RollingBuffer b = open(1000, 100 * SEGMENT_BYTES, 0, Long.MAX_VALUE / 2)) {
            feed(b, 0, 5L * SEGMENT + 123);
            long end = 4L * SEGMENT + 77;
            long frames = 2L * SEGMENT + 500;
            List<RollingBuffer.Slice> h = b.history(end, frames);
            assertEquals(frames, h.stream().mapToLong(RollingBuffer.Slice::frames).sum());
            long expect = end - frames;
            for (RollingBuffer.Slice s : h) {
                int[] got = new int[(int) s.frames()];
                RollingBuffer.read(s.segment(), 1, s.fromFrame(), got.length, got);
                for (int v : got) assertEquals(expect++ * 2 + 1, v);
            }
            assertEquals(end, expect, "no gap and no repeat up to the position");
        }
    }

    @Test
    void theBufferSurvivesARestartAndItsHistoryReachesBackAcrossIt() throws IOException {
        try (RollingBuffer before = open(1000, 100 * SEGMENT_BYTES, 0, Long.MAX_VALUE / 2)) {
            feed(before, 0, 3L * SEGMENT);
        }
        try (RollingBuffer after = open(2000, 100 * SEGMENT_BYTES, 0, Long.MAX_VALUE / 2)) {
            assertEquals(3, after.segments().size(), "the files from before the restart are found again");
            feed(after, 0, 1000);
            List<RollingBuffer.Slice> h = after.history(1000, 1500);
            assertEquals(2, h.size());
            assertEquals(1000L, h.get(0).segment().sessionMillis());
            assertEquals(3L * SEGMENT - 500, h.get(0).fromFrame(), "the last 500 frames before the restart");
            assertEquals(3L * SEGMENT, h.get(0).toFrame());
            assertEquals(2000L, h.get(1).segment().sessionMillis());
            assertEquals(1000, h.get(1).frames());
        }
    }

    @Test
    void pinnedFilesOutliveRotationUntilUnpinned() throws IOException {
        try (RollingBuffer b = open(1000, 3 * SEGMENT_BYTES, 0, Long.MAX_VALUE / 2)) {
            feed(b, 0, 2L * SEGMENT);
            List<RollingBuffer.Slice> h = b.history(2L * SEGMENT, 2L * SEGMENT);
            b.pin(h);
            feed(b, 2L * SEGMENT, 6L * SEGMENT);
            for (RollingBuffer.Slice s : h) assertTrue(Files.exists(s.segment().file()), "pinned " + s.segment().file());
            b.unpin();
            feed(b, 8L * SEGMENT, 3L * SEGMENT);
            for (RollingBuffer.Slice s : h) assertTrue(!Files.exists(s.segment().file()), "unpinned files rotate out");
        }
    }
}
