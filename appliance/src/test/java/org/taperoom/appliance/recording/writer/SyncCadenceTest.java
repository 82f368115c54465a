package org.taperoom.appliance.recording.writer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.appliance.config.RecordingKeys;
import org.taperoom.appliance.recording.engine.RecorderListener;
import org.taperoom.appliance.recording.engine.RecordingEngine;
import org.taperoom.appliance.recording.engine.Recordings;
import org.taperoom.appliance.recording.engine.TakeRef;
import org.taperoom.appliance.recording.engine.TakeRequest;
import org.taperoom.appliance.wav.FileOps;
import org.taperoom.drivers.sim.SimBackend;
import org.taperoom.drivers.sim.SimOptions;
import org.taperoom.drivers.sim.SimSignal;

/**
 * The durability bound rests on the writer itself: while a take runs, every track file gets its
 * size fields rewritten and an fdatasync at least every {@code fsyncIntervalMillis}.
 */
class SyncCadenceTest {
    private static final int SYNC_MILLIS = 200;

    private record Op(long nanos, String kind, long pos) {}

    /** Does every operation and notes it. */
    private static final class Recording implements FileOps {
        final List<Op> ops = new CopyOnWriteArrayList<>();

        @Override
        public void write(FileChannel ch, ByteBuffer b, long pos) throws IOException {
            ops.add(new Op(System.nanoTime(), "write" + b.remaining(), pos));
            DIRECT.write(ch, b, pos);
        }

        @Override
        public void force(FileChannel ch, boolean metadata) throws IOException {
            DIRECT.force(ch, metadata);
            ops.add(new Op(System.nanoTime(), metadata ? "fsync" : "fdatasync", 0));
        }

        @Override
        public void truncate(FileChannel ch, long size) throws IOException {
            ops.add(new Op(System.nanoTime(), "truncate", size));
            DIRECT.truncate(ch, size);
        }

        @Override
        public void rename(Path source, Path target) throws IOException {
            ops.add(new Op(System.nanoTime(), "rename", 0));
            DIRECT.rename(source, target);
        }
    }

    @Test
    void whileATakeRunsItsFileIsResizedAndFdatasyncedOnTheSyncInterval(@TempDir Path dir) throws Exception {
        Recording ops = new Recording();
        int rate = 48000;
        long startNanos;
        long endNanos;
        try (RecordingEngine engine = new RecordingEngine(Recordings.config(dir, 1, rate, "24")
                .with(RecordingKeys.FSYNC_INTERVAL_MILLIS, SYNC_MILLIS), new SimBackend(SimOptions.defaults().withSignals(SimSignal.SINE)), ops)) {
            CompletableFuture<TakeRef> ended = new CompletableFuture<>();
            engine.addListener(new RecorderListener() {
                @Override
                public void takeEnded(TakeRef take, EndReason reason, String detail) {
                    ended.complete(take);
                }
            });
            engine.start();
            startNanos = System.nanoTime();
            engine.startTake(TakeRequest.everything("cadence"), 2L * rate);
            ended.get(60, TimeUnit.SECONDS);
            endNanos = System.nanoTime();
        }
        // One track file: its fdatasyncs, each preceded (since the one before) by a rewrite of the RIFF size at offset 4.
        List<Op> syncs = ops.ops.stream().filter(o -> o.kind().equals("fdatasync")).toList();
        long lastSync = startNanos;
        boolean resized = false;
        long worstGapMillis = 0;
        for (Op o : ops.ops) {
            if (o.kind().startsWith("write") && (o.pos() == 4 || o.pos() == 0) && o.kind().length() <= "write8".length()) resized = true;
            if (!o.kind().equals("fdatasync")) continue;
            assertTrue(resized, "an fdatasync without a size rewrite before it: " + ops.ops);
            resized = false;
            worstGapMillis = Math.max(worstGapMillis, (o.nanos() - lastSync) / 1_000_000);
            lastSync = o.nanos();
        }
        long takeMillis = (endNanos - startNanos) / 1_000_000;
        System.out.printf("%d fdatasyncs in a %d ms take at a %d ms interval; longest gap %d ms%n", syncs.size(), takeMillis, SYNC_MILLIS,
                worstGapMillis);
        // About takeMillis / SYNC_MILLIS are due while recording (10 here), besides the 3 of creating and
        // finishing the file. A machine loaded enough to stall the writer for a second costs some of them
        // (7 of 10 seen at a load average of 26 on 2 cores): at least a quarter must be there.
        long whileRecording = syncs.size() - 3;
        assertTrue(whileRecording >= takeMillis / SYNC_MILLIS / 4, whileRecording + " fdatasyncs while recording for " + takeMillis + " ms");
    }
}
