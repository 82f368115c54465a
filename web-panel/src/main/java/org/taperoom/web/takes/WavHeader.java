package org.taperoom.web.takes;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * What the waveform reader needs from a RIFF/RF64 WAVE header: the format and where the data
 * starts. Reads up to the start of the {@code data} chunk and leaves the stream there.
 */
record WavHeader(int channels, int bitsPerSample, int blockAlign, boolean isFloat, long dataBytes) {
    static WavHeader read(InputStream in) throws IOException {
        ByteBuffer head = le(in.readNBytes(12));
        if (head.limit() < 12) throw new IOException("not a WAV file: too short");
        String riff = fourcc(head, 0);
        if (!(riff.equals("RIFF") || riff.equals("RF64") || riff.equals("BW64")) || !fourcc(head, 8).equals("WAVE")) {
            throw new IOException("not a WAV file");
        }
        int channels = 0;
        int bits = 0;
        int align = 0;
        boolean isFloat = false;
        long ds64Data = -1;
        while (true) {
            ByteBuffer ch = le(in.readNBytes(8));
            if (ch.limit() < 8) throw new IOException("WAV file has no data chunk");
            String id = fourcc(ch, 0);
            long size = ch.getInt(4) & 0xffffffffL;
            if (id.equals("data")) {
                long bytes = size == 0xffffffffL && ds64Data >= 0 ? ds64Data : size;
                if (align == 0) throw new IOException("WAV file has no fmt chunk before its data");
                return new WavHeader(channels, bits, align, isFloat, bytes);
            }
            byte[] body = in.readNBytes((int) Math.min(size + (size & 1), Integer.MAX_VALUE));
            ByteBuffer b = le(body);
            if (id.equals("fmt ") && body.length >= 16) {
                int tag = b.getShort(0) & 0xffff;
                channels = b.getShort(2) & 0xffff;
                align = b.getShort(12) & 0xffff;
                bits = b.getShort(14) & 0xffff;
                if (tag == 0xfffe && body.length >= 26) tag = b.getShort(24) & 0xffff;
                isFloat = tag == 3;
            } else if (id.equals("ds64") && body.length >= 24) {
                ds64Data = b.getLong(8);
            }
        }
    }

    private static ByteBuffer le(byte[] b) {
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static String fourcc(ByteBuffer b, int at) {
        return new String(new byte[] {b.get(at), b.get(at + 1), b.get(at + 2), b.get(at + 3)}, java.nio.charset.StandardCharsets.US_ASCII);
    }
}
