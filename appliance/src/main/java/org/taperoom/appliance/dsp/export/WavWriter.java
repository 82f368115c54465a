package org.taperoom.appliance.dsp.export;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.taperoom.appliance.dsp.settings.Tags;
import org.taperoom.appliance.wav.WaveLayout;

/**
 * Our own WAV writer: 16/24-bit PCM or 32-bit IEEE float, any channel count, tags in a LIST/INFO
 * chunk (INAM title, IART artist, IPRD album, ICRD date, ICMT comment). A 28-byte JUNK chunk is
 * reserved after the RIFF header and becomes a ds64 chunk (EBU Tech 3306 RF64) if the file grows
 * past 4 GiB. Not thread-safe.
 */
public final class WavWriter implements AudioSink {
    private final FileChannel channel;
    private final int channels;
    private final int bits;
    private final boolean isFloat;
    private final int bytesPerSample;
    private final ByteBuffer buffer = ByteBuffer.allocate(3 << 16).order(ByteOrder.LITTLE_ENDIAN);
    private long dataBytes;
    private boolean closed;

    /** @param bits 16 or 24 (integer PCM) or 32 (float) */
    public WavWriter(Path file, int rateHz, int channels, int bits, Tags tags) throws IOException {
        if (bits != 16 && bits != 24 && bits != 32) throw new IllegalArgumentException("WAV bits 16, 24 or 32 (float), not " + bits);
        this.channels = channels;
        this.bits = bits;
        this.isFloat = bits == 32;
        this.bytesPerSample = bits / 8;
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE,
                StandardOpenOption.READ);
        ByteBuffer h = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
        h.put(ascii("RIFF")).putInt(0).put(ascii("WAVE"));
        h.put(ascii("JUNK")).putInt(28).put(new byte[28]);
        h.put(ascii("fmt ")).putInt(16).putShort((short) (isFloat ? 3 : 1)).putShort((short) channels).putInt(rateHz)
                .putInt(rateHz * channels * bytesPerSample).putShort((short) (channels * bytesPerSample)).putShort((short) bits);
        byte[] info = infoChunk(tags);
        if (info.length > 0) h.put(info);
        h.put(ascii("data")).putInt(0);
        h.flip();
        while (h.hasRemaining()) channel.write(h);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] infoChunk(Tags tags) {
        if (tags == null) return new byte[0];
        ByteBuffer b = ByteBuffer.allocate(3000).order(ByteOrder.LITTLE_ENDIAN);
        sub(b, "INAM", tags.title());
        sub(b, "IART", tags.artist());
        sub(b, "IPRD", tags.album());
        sub(b, "ICRD", tags.date());
        sub(b, "ICMT", tags.comment());
        if (b.position() == 0) return new byte[0];
        ByteBuffer out = ByteBuffer.allocate(b.position() + 12).order(ByteOrder.LITTLE_ENDIAN);
        out.put(ascii("LIST")).putInt(b.position() + 4).put(ascii("INFO")).put(b.array(), 0, b.position());
        return out.array();
    }

    private static void sub(ByteBuffer b, String id, String value) {
        if (value == null || value.isEmpty()) return;
        byte[] text = value.getBytes(StandardCharsets.UTF_8);
        b.put(ascii(id)).putInt(text.length + 1).put(text).put((byte) 0);
        if ((text.length + 1) % 2 == 1) b.put((byte) 0);
    }

    @Override
    public int bits() {
        return bits;
    }

    @Override
    public boolean wantsIntegers() {
        return !isFloat;
    }

    @Override
    public void writeInts(int[] interleaved, int frames) throws IOException {
        if (isFloat) throw new IllegalStateException("float WAV takes floats");
        int samples = frames * channels;
        byte[] b = buffer.array();
        int done = 0;
        while (done < samples) {
            if (buffer.remaining() < bytesPerSample) drain();
            int pos = buffer.position();
            int n = Math.min(samples - done, buffer.remaining() / bytesPerSample);
            if (bits == 16) {
                for (int i = 0; i < n; i++, pos += 2) {
                    int v = interleaved[done + i];
                    b[pos] = (byte) (v >> 16);
                    b[pos + 1] = (byte) (v >> 24);
                }
            } else {
                for (int i = 0; i < n; i++, pos += 3) {
                    int v = interleaved[done + i];
                    b[pos] = (byte) (v >> 8);
                    b[pos + 1] = (byte) (v >> 16);
                    b[pos + 2] = (byte) (v >> 24);
                }
            }
            buffer.position(pos);
            done += n;
        }
        dataBytes += (long) samples * bytesPerSample;
    }

    @Override
    public void writeFloats(float[] interleaved, int frames) throws IOException {
        if (!isFloat) throw new IllegalStateException("integer WAV takes dithered integers");
        int samples = frames * channels;
        for (int i = 0; i < samples; i++) {
            if (buffer.remaining() < 4) drain();
            buffer.putFloat(interleaved[i]);
        }
        dataBytes += (long) samples * 4;
    }

    private void drain() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) channel.write(buffer);
        buffer.clear();
    }

    @Override
    public void close() throws IOException {
        if (closed) return;
        closed = true;
        try (channel) {
            drain();
            boolean pad = dataBytes % 2 == 1;
            if (pad) {
                channel.write(ByteBuffer.wrap(new byte[1]), channel.size());
            }
            // The same size fields and RF64 promotion (JUNK becomes ds64) as the recorder's track files.
            WaveLayout.read(channel).writeSizes(channel, dataBytes, pad ? 1 : 0, WaveLayout.RIFF_LIMIT);
        }
    }
}
