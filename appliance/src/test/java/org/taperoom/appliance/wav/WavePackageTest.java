package org.taperoom.appliance.wav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one WAVE package: chunk walking from a file and a stream, sizes, the RF64 switch, the marker chunks, rounding. */
class WavePackageTest {
    private static final BextInfo INFO = new BextInfo("d", "Taperoom", "ref", LocalDateTime.of(2026, 12, 7, 12, 0), 0, "In 1", "t", 48000);

    /** A track file with {@code frames} frames of 24-bit samples, its sizes written, and the markers after it. */
    private static Path file(Path dir, long frames, List<WaveHeader.Marker> markers, long rf64ThresholdBytes) throws IOException {
        Path p = dir.resolve("f" + frames + "-" + markers.size() + "-" + rf64ThresholdBytes + ".wav");
        byte[] header = WaveHeader.build(WordFormat.PCM24, 48000, INFO);
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            WaveLayout.writeFully(ch, ByteBuffer.wrap(header), 0);
            long dataBytes = frames * 3;
            WaveLayout.writeFully(ch, ByteBuffer.wrap(new byte[(int) dataBytes]), header.length);
            byte[] trailing = WaveHeader.markerChunks(markers, dataBytes);
            WaveLayout.writeFully(ch, ByteBuffer.wrap(trailing), header.length + dataBytes);
            WaveLayout.read(ch).writeSizes(ch, dataBytes, trailing.length, rf64ThresholdBytes);
        }
        return p;
    }

    @Test
    void theWalkerReadsTheSameHeaderFromAFileAndFromAStreamAndLeavesTheStreamAtTheFirstSample(@TempDir Path dir) throws Exception {
        Path p = file(dir, 1001, List.of(new WaveHeader.Marker(5, "a")), WaveLayout.RIFF_LIMIT);
        RiffChunks.Header fromFile;
        try (FileChannel ch = FileChannel.open(p)) {
            fromFile = RiffChunks.read(ch);
        }
        RiffChunks.Header fromStream;
        try (InputStream in = Files.newInputStream(p)) {
            fromStream = RiffChunks.read(in);
            assertEquals(fromFile.data().payloadOffset(), Files.size(p) - in.readAllBytes().length, "the stream stands at the first sample");
        }
        assertEquals(fromFile, fromStream);
        assertEquals(List.of("JUNK", "fmt ", "bext", "iXML", "data"), fromFile.chunks().stream().map(RiffChunks.Chunk::id).toList());
        assertEquals(new RiffChunks.Format(1, 1, 48000, 3, 24), fromFile.format());
        assertEquals(3003, fromFile.data().size());
        assertNull(fromFile.ds64());
        try (FileChannel ch = FileChannel.open(p)) {
            List<RiffChunks.Chunk> all = RiffChunks.all(ch);
            assertEquals(List.of("JUNK", "fmt ", "bext", "iXML", "data", "cue ", "LIST"), all.stream().map(RiffChunks.Chunk::id).toList());
            assertEquals(Files.size(p), all.get(all.size() - 1).end(), "the chunks fill the file, the pad byte after the odd data included");
            assertEquals(3003, WaveLayout.declaredDataBytes(ch));
        }
    }

    @Test
    void pastItsThresholdAFileIsRf64WithItsSizesInDs64AndTheWalkerResolvesThem(@TempDir Path dir) throws Exception {
        Path p = file(dir, 1000, List.of(), 2000);
        try (FileChannel ch = FileChannel.open(p)) {
            RiffChunks.Header h = RiffChunks.read(ch);
            assertEquals("RF64", h.form());
            assertEquals("ds64", h.chunks().get(0).id());
            assertEquals(new RiffChunks.Ds64(Files.size(p) - 8, 3000, 1000), h.ds64());
            assertEquals(3000, h.data().size(), "the data size read through ds64");
            assertTrue(WaveLayout.read(ch).rf64());
        }
    }

    @Test
    void onlyMarkerChunksThatFillTheFileOrWereCutWhileWrittenCountAsTheEndOfTheSamples(@TempDir Path dir) throws Exception {
        Path p = file(dir, 1001, List.of(new WaveHeader.Marker(5, "a"), new WaveHeader.Marker(9, "b")), WaveLayout.RIFF_LIMIT);
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long dataEnd = WaveLayout.read(ch).dataOffset() + 3003;
            assertEquals(List.of("cue ", "LIST"), RiffChunks.markerChunksToEnd(ch, dataEnd).stream().map(RiffChunks.Chunk::id).toList());
            assertNull(RiffChunks.markerChunksToEnd(ch, dataEnd - 3), "samples are not marker chunks");
            WaveLayout.writeFully(ch, ByteBuffer.wrap(new byte[] {1, 2, 3}), ch.size());
            assertNull(RiffChunks.markerChunksToEnd(ch, dataEnd), "bytes after the markers: not a finished file");
            ch.truncate(ch.size() - 10);
            assertEquals(List.of("cue ", "LIST"), RiffChunks.markerChunksToEnd(ch, dataEnd).stream().map(RiffChunks.Chunk::id).toList(),
                    "the file cut while its markers were written: they still end the samples");
            ch.truncate(dataEnd + 3);
            assertNotNull(RiffChunks.markerChunksToEnd(ch, dataEnd), "cut inside the first chunk's id");
            WaveLayout.writeFully(ch, ByteBuffer.wrap(new byte[] {9, 9, 9}), dataEnd);
            assertNull(RiffChunks.markerChunksToEnd(ch, dataEnd), "three bytes of samples are not the start of a chunk");
            ch.truncate(dataEnd);
            assertNotNull(RiffChunks.markerChunksToEnd(ch, dataEnd), "nothing after the samples");
        }
    }

    @Test
    void whatIsNotAWaveFileIsRefusedWithOneSentence(@TempDir Path dir) throws Exception {
        IOException e = assertThrows(IOException.class, () -> RiffChunks.read(new ByteArrayInputStream("RIFF0000AVI ".getBytes())));
        assertEquals("not a WAVE file", e.getMessage());
        e = assertThrows(IOException.class, () -> RiffChunks.read(new ByteArrayInputStream("RIFF".getBytes())));
        assertEquals("not a WAVE file: too short", e.getMessage());
        e = assertThrows(IOException.class, () -> RiffChunks.read(new ByteArrayInputStream("RIFF\0\0\0\0WAVEfmt ".getBytes())));
        assertEquals("no data chunk", e.getMessage());
    }

    @Test
    void narrowingRoundsToTheNearestStepAndHoldsFullScale() {
        assertEquals(0x7FFF, WordFormat.round(Integer.MAX_VALUE, 16));
        assertEquals(0x7FFF, WordFormat.round(0x7FFF8000, 16), "the half step below full scale rounds to full scale, not past it");
        assertEquals(-0x8000, WordFormat.round(Integer.MIN_VALUE, 16));
        assertEquals(1, WordFormat.round(0x8000, 16), "halves round up");
        assertEquals(0, WordFormat.round(0x7FFF, 16));
        assertEquals(-1, WordFormat.round(-0x8001, 16));
        assertEquals(0x7FFFFF, WordFormat.round(Integer.MAX_VALUE, 8));
        assertEquals(0x123456, WordFormat.round(0x12345600, 8), "exact for a source of the file's resolution");
    }
}
