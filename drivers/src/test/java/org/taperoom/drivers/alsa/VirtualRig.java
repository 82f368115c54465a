package org.taperoom.drivers.alsa;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.taperoom.drivers.audio.SampleFormat;

/**
 * The virtual rig: capture devices made of alsa-lib's {@code file} plugin reading a raw file of
 * known content (a distinct pseudo-random signal per channel) over the {@code null} plugin.
 * alsa-lib delivers the file's bytes bit-exactly and unpaced, read as the format the device is
 * opened in (so open it in the file's); after the file's end it delivers silence. Read it with
 * readi: through plug's format conversion alsa-lib 1.2.8 delivers wrong data after the first period.
 */
public final class VirtualRig {
    private VirtualRig() {}

    /**
     * The sample the rig's file holds at {@code frame} of {@code channel}, as the engine should see
     * it: left-justified S32 with only the format's significant bits set.
     */
    public static int expected(int channel, long frame, SampleFormat format) {
        long z = (frame << 8 | channel) + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        int v = (int) (z ^ (z >>> 31));
        return switch (format) {
            case S16_LE -> v & 0xFFFF0000;
            case S24_3LE, S24_LE, FLOAT_LE -> v & 0xFFFFFF00;
            case S32_LE -> v;
        };
    }

    /** Writes {@code frames} interleaved frames of the rig's signal in the device format. */
    public static Path writeInfile(Path file, int channels, long frames, SampleFormat format) throws IOException {
        return writeInfile(file, channels, frames, format, format);
    }

    /**
     * Writes the signal of {@code signal}'s resolution in {@code format}'s container: 24-bit audio in
     * S32_LE words is what most USB interfaces deliver.
     */
    public static Path writeInfile(Path file, int channels, long frames, SampleFormat format, SampleFormat signal) throws IOException {
        int bytesPerFrame = channels * format.bytesPerSample;
        int chunkFrames = Math.max(1, (1 << 20) / bytesPerFrame);
        ByteBuffer b = ByteBuffer.allocate(chunkFrames * bytesPerFrame).order(ByteOrder.LITTLE_ENDIAN);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long f0 = 0; f0 < frames; f0 += chunkFrames) {
                b.clear();
                long end = Math.min(frames, f0 + chunkFrames);
                for (long f = f0; f < end; f++) {
                    for (int c = 0; c < channels; c++) {
                        int v = expected(c, f, signal);
                        switch (format) {
                            case S16_LE -> b.putShort((short) (v >> 16));
                            case S24_3LE -> b.put((byte) (v >> 8)).put((byte) (v >> 16)).put((byte) (v >> 24));
                            case S24_LE -> b.putInt(v >> 8);
                            case S32_LE -> b.putInt(v);
                            case FLOAT_LE -> b.putFloat((float) ((v >> 8) / 8388608.0));
                        }
                    }
                }
                out.write(b.array(), 0, b.position());
            }
        }
        return file;
    }

    /** An alsa.conf definition of capture PCM {@code name} delivering {@code infile}. */
    public static String filePcm(String name, Path infile) {
        return "pcm." + name + " { type file slave.pcm { type null } file \"/dev/null\" infile \""
                + infile.toAbsolutePath() + "\" format \"raw\" }\n";
    }

    /** An alsa.conf definition of an unpaced sink/source PCM {@code name}. */
    public static String nullPcm(String name) {
        return "pcm." + name + " { type null }\n";
    }
}
