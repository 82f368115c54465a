package org.taperoom.appliance.wav;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;

/**
 * Where the size fields of a track file written by Taperoom are, found by walking its chunks, and
 * how to set them. Used by the writer (periodic header updates, finishing) and by recovery (which
 * only has the file). Works on RIFF and RF64 files whose {@code ds64} (or the {@code JUNK} that
 * reserves its place) is the first chunk.
 *
 * @param junkOffset     offset of the JUNK/ds64 chunk header
 * @param factOffset     offset of the fact chunk header, or -1
 * @param dataOffset     offset of the first sample
 * @param blockAlign     bytes per frame
 * @param rf64           the file is RF64 already
 */
public record WaveLayout(long junkOffset, long factOffset, long dataOffset, int blockAlign, boolean rf64) {

    /** The size RIFF allows: beyond it the file must be RF64. */
    public static final long RIFF_LIMIT = 0xFFFFFFFFL;

    /**
     * Reads the layout from the start of a file; throws when it is not one of ours. A file whose
     * reserved chunk is already {@code ds64} counts as RF64 even while its header still says RIFF
     * (the switch writes the id last): finishing it completes the switch.
     */
    public static WaveLayout read(FileChannel ch) throws IOException {
        RiffChunks.Header h = RiffChunks.read(ch);
        RiffChunks.Chunk junk = null;
        RiffChunks.Chunk fact = h.chunk("fact");
        for (RiffChunks.Chunk c : h.chunks()) {
            if (c.id().equals("JUNK") || c.id().equals("ds64")) {
                junk = c;
                break;
            }
        }
        if (junk == null || h.format() == null) throw new IOException("no reserved JUNK/ds64 or fmt chunk before data");
        return new WaveLayout(junk.offset(), fact == null ? -1 : fact.offset(), h.data().payloadOffset(), h.format().blockAlign(),
                h.form().equals("RF64") || junk.id().equals("ds64"));
    }

    /**
     * The data size the header declares (through ds64 in RF64), or -1 when it declares none a
     * reader could use (0xFFFFFFFF without ds64).
     */
    public static long declaredDataBytes(FileChannel ch) throws IOException {
        RiffChunks.Header h = RiffChunks.read(ch);
        long size = h.data().size();
        return size == RiffChunks.SIZE_IN_DS64 && h.ds64() == null ? -1 : size;
    }

    /**
     * Writes the size fields for {@code dataBytes} of samples followed by {@code trailingBytes} of
     * chunks (pad byte included); switches the file to RF64 in place (JUNK becomes ds64) when the
     * RIFF size passes {@code rf64ThresholdBytes}, and stays RF64 once it is. Returns the layout
     * after the update.
     */
    public WaveLayout writeSizes(FileChannel ch, long dataBytes, long trailingBytes, long rf64ThresholdBytes) throws IOException {
        return writeSizes(FileOps.DIRECT, ch, dataBytes, trailingBytes, rf64ThresholdBytes);
    }

    /** {@link #writeSizes(FileChannel, long, long, long)} through {@code ops}, one write per field. */
    public WaveLayout writeSizes(FileOps ops, FileChannel ch, long dataBytes, long trailingBytes, long rf64ThresholdBytes)
            throws IOException {
        long riffSize = dataOffset - 8 + dataBytes + trailingBytes;
        long frames = dataBytes / blockAlign;
        boolean toRf64 = rf64 || riffSize > Math.min(rf64ThresholdBytes, RIFF_LIMIT);
        ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        if (toRf64) {
            ByteBuffer ds = ByteBuffer.allocate(8 + DS64_PAYLOAD_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            ds.put("ds64".getBytes(StandardCharsets.US_ASCII)).putInt(DS64_PAYLOAD_BYTES);
            ds.putLong(riffSize).putLong(dataBytes).putLong(frames).putInt(0).flip();
            ops.write(ch, ds, junkOffset);
            if (factOffset >= 0) ops.write(ch, b.clear().putInt(-1).flip(), factOffset + 8);
            ops.write(ch, b.clear().putInt(-1).flip(), dataOffset - 4);
            // The header id goes last: until it says RF64, readers still see a valid RIFF prefix.
            ops.write(ch, b.clear().put("RF64".getBytes(StandardCharsets.US_ASCII)).putInt(-1).flip(), 0);
            return new WaveLayout(junkOffset, factOffset, dataOffset, blockAlign, true);
        }
        if (factOffset >= 0) ops.write(ch, b.clear().putInt((int) frames).flip(), factOffset + 8);
        ops.write(ch, b.clear().putInt((int) dataBytes).flip(), dataOffset - 4);
        ops.write(ch, b.clear().putInt((int) riffSize).flip(), 4);
        return this;
    }

    private static final int DS64_PAYLOAD_BYTES = WaveHeader.DS64_PAYLOAD;

    /** Writes all of {@code b} at {@code pos}. */
    public static void writeFully(FileChannel ch, ByteBuffer b, long pos) throws IOException {
        FileOps.DIRECT.write(ch, b, pos);
    }
}
