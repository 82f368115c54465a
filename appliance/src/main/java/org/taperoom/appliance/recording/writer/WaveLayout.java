package org.taperoom.appliance.recording.writer;

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

    /** Reads the layout from the start of a file; throws when it is not one of ours. */
    public static WaveLayout read(FileChannel ch) throws IOException {
        ByteBuffer head = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        readFully(ch, head, 0);
        String riff = id(head, 0);
        if (!riff.equals("RIFF") && !riff.equals("RF64") || !id(head, 8).equals("WAVE")) throw new IOException("not a WAVE file");
        long pos = 12;
        long junk = -1;
        long fact = -1;
        int blockAlign = 0;
        ByteBuffer h = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        long size = ch.size();
        while (pos + 8 <= size) {
            h.clear();
            readFully(ch, h, pos);
            String id = id(h, 0);
            long len = h.getInt(4) & 0xFFFFFFFFL;
            switch (id) {
                case "JUNK", "ds64" -> {
                    if (junk < 0) junk = pos;
                }
                case "fact" -> fact = pos;
                case "fmt " -> {
                    ByteBuffer f = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
                    readFully(ch, f, pos + 8);
                    blockAlign = f.getShort(12) & 0xFFFF;
                }
                case "data" -> {
                    if (junk < 0 || blockAlign == 0) throw new IOException("no reserved JUNK/ds64 or fmt chunk before data");
                    return new WaveLayout(junk, fact, pos + 8, blockAlign, riff.equals("RF64"));
                }
                default -> { }
            }
            pos += 8 + len + (len & 1);
        }
        throw new IOException("no data chunk");
    }

    /**
     * Writes the size fields for {@code dataBytes} of samples followed by {@code trailingBytes} of
     * chunks (pad byte included); switches the file to RF64 in place (JUNK becomes ds64) when the
     * RIFF size passes {@code rf64ThresholdBytes}, and stays RF64 once it is. Returns the layout
     * after the update.
     */
    public WaveLayout writeSizes(FileChannel ch, long dataBytes, long trailingBytes, long rf64ThresholdBytes) throws IOException {
        long riffSize = dataOffset - 8 + dataBytes + trailingBytes;
        long frames = dataBytes / blockAlign;
        boolean toRf64 = rf64 || riffSize > Math.min(rf64ThresholdBytes, RIFF_LIMIT);
        ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        if (toRf64) {
            ByteBuffer ds = ByteBuffer.allocate(8 + DS64_PAYLOAD_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            ds.put("ds64".getBytes(StandardCharsets.US_ASCII)).putInt(DS64_PAYLOAD_BYTES);
            ds.putLong(riffSize).putLong(dataBytes).putLong(frames).putInt(0).flip();
            writeFully(ch, ds, junkOffset);
            if (factOffset >= 0) writeFully(ch, b.clear().putInt(-1).flip(), factOffset + 8);
            writeFully(ch, b.clear().putInt(-1).flip(), dataOffset - 4);
            // The header id goes last: until it says RF64, readers still see a valid RIFF prefix.
            writeFully(ch, b.clear().put("RF64".getBytes(StandardCharsets.US_ASCII)).putInt(-1).flip(), 0);
            return new WaveLayout(junkOffset, factOffset, dataOffset, blockAlign, true);
        }
        if (factOffset >= 0) writeFully(ch, b.clear().putInt((int) frames).flip(), factOffset + 8);
        writeFully(ch, b.clear().putInt((int) dataBytes).flip(), dataOffset - 4);
        writeFully(ch, b.clear().putInt((int) riffSize).flip(), 4);
        return this;
    }

    private static final int DS64_PAYLOAD_BYTES = WaveHeader.DS64_PAYLOAD;

    static void readFully(FileChannel ch, ByteBuffer b, long pos) throws IOException {
        while (b.hasRemaining()) {
            int n = ch.read(b, pos);
            if (n < 0) throw new IOException("file ends inside its header");
            pos += n;
        }
        b.flip();
    }

    static void writeFully(FileChannel ch, ByteBuffer b, long pos) throws IOException {
        while (b.hasRemaining()) pos += ch.write(b, pos);
    }

    private static String id(ByteBuffer b, int at) {
        byte[] four = new byte[4];
        for (int i = 0; i < 4; i++) four[i] = b.get(at + i);
        return new String(four, StandardCharsets.US_ASCII);
    }
}
