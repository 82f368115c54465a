package org.taperoom.appliance.dsp.render;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.taperoom.appliance.dsp.master.TruePeakEnvelope;

/**
 * The master bus output of a render, kept from mixing to the last write: left, right and their
 * true-peak envelope, 12 bytes a frame (35 MB a minute at 48 kHz). Normalising to an integrated
 * loudness needs the whole programme before the first byte is written, so it is kept somewhere:
 * on the heap for takes that fit comfortably, otherwise in a temp file mapped into memory, where
 * the kernel pages it in and out and the heap stays small (a 1-hour take on a 1 GB Pi).
 * Both keep the same floats, so both give the same bytes.
 *
 * <p>Threads: written by the render thread while mixing; afterwards read by it and by the
 * analysis helpers (disjoint envelope ranges, read-only samples) between start and join.
 */
final class BusTape implements AutoCloseable {
    /** Largest take a tape file holds: each channel is one mapping, at most 2 GiB. */
    static final int MAX_FILE_FRAMES = Integer.MAX_VALUE / Float.BYTES;
    final FloatBuffer left;
    final FloatBuffer right;
    final FloatBuffer truePeak;
    final int frames;
    /** The temp file behind the buffers, or null on the heap. */
    private final Path file;

    private BusTape(FloatBuffer left, FloatBuffer right, FloatBuffer truePeak, int frames, Path file) {
        this.left = left;
        this.right = right;
        this.truePeak = truePeak;
        this.frames = frames;
        this.file = file;
    }

    static BusTape onHeap(int frames) {
        return new BusTape(FloatBuffer.wrap(new float[frames]), FloatBuffer.wrap(new float[frames]),
                FloatBuffer.wrap(new float[frames]), frames, null);
    }

    /** A tape in {@code file} (created or overwritten here, deleted by {@link #close}). */
    static BusTape inFile(Path file, int frames) throws IOException {
        if (frames > MAX_FILE_FRAMES) {
            throw new IOException("take too long to render (" + frames + " frames; at most " + MAX_FILE_FRAMES + ")");
        }
        long channelBytes = (long) frames * Float.BYTES;
        // A tape left by a render that was killed is overwritten, like its part file.
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            // The mappings outlive the channel; the file is deleted by close() (the pages go with the buffers).
            FloatBuffer l = ch.map(FileChannel.MapMode.READ_WRITE, 0, channelBytes).order(ByteOrder.nativeOrder()).asFloatBuffer();
            FloatBuffer r = ch.map(FileChannel.MapMode.READ_WRITE, channelBytes, channelBytes).order(ByteOrder.nativeOrder()).asFloatBuffer();
            FloatBuffer tp = ch.map(FileChannel.MapMode.READ_WRITE, 2 * channelBytes, channelBytes).order(ByteOrder.nativeOrder()).asFloatBuffer();
            return new BusTape(l, r, tp, frames, file);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    boolean inFile() {
        return file != null;
    }

    /** Stores {@code n} frames of the mix at {@code pos}. */
    void put(int pos, float[] l, float[] r, int n) {
        left.put(pos, l, 0, n);
        right.put(pos, r, 0, n);
    }

    /**
     * Fills the envelope for frames [from, to) ({@link TruePeakEnvelope}) and raises
     * {@code peaks[0]} to libebur128's true peak there and {@code peaks[1]} to the envelope's
     * largest value; it reads frames up to {@code to + REACH}, which must be on the tape already.
     * In a file, a chunk at a time through the arrays of {@code scratch}, which hold the chunk and
     * the filter's reach on either side, so every value has the same taps, in the same order, as
     * on the heap.
     */
    void computeTruePeak(TruePeakEnvelope envelope, int from, int to, EnvelopeScratch scratch, float[] peaks) {
        if (!inFile()) {
            peaks[0] = Math.max(peaks[0], envelope.compute(left.array(), right.array(), frames, truePeak.array(), from, to));
            peaks[1] = Math.max(peaks[1], max(truePeak.array(), from, to));
            return;
        }
        int reach = TruePeakEnvelope.REACH;
        for (int start = from; start < to; start += EnvelopeScratch.CHUNK) {
            int end = Math.min(to, start + EnvelopeScratch.CHUNK);
            int lo = Math.max(0, start - reach);
            int hi = Math.min(frames, end + reach);
            left.get(lo, scratch.left, 0, hi - lo);
            right.get(lo, scratch.right, 0, hi - lo);
            // Beyond lo..hi the arrays read as silence only where the signal itself ends.
            float reference = envelope.compute(scratch.left, scratch.right, hi - lo, scratch.env, start - lo, end - lo);
            truePeak.put(start, scratch.env, start - lo, end - start);
            peaks[0] = Math.max(peaks[0], reference);
            peaks[1] = Math.max(peaks[1], max(scratch.env, start - lo, end - lo));
        }
    }

    private static float max(float[] values, int from, int to) {
        float m = 0;
        for (int i = from; i < to; i++) m = Math.max(m, values[i]);
        return m;
    }

    /** Arrays for {@link #computeTruePeak} on a tape file, reused by one thread from call to call. */
    static final class EnvelopeScratch {
        static final int CHUNK = 1 << 14;
        final float[] left = new float[CHUNK + 2 * TruePeakEnvelope.REACH];
        final float[] right = new float[CHUNK + 2 * TruePeakEnvelope.REACH];
        final float[] env = new float[CHUNK + 2 * TruePeakEnvelope.REACH];
    }

    /** Copies frames [pos, pos + n) interleaved into {@code into}, through the scratch arrays. */
    void interleave(int pos, int n, float[] scratchL, float[] scratchR, float[] into) {
        left.get(pos, scratchL, 0, n);
        right.get(pos, scratchR, 0, n);
        for (int i = 0; i < n; i++) {
            into[2 * i] = scratchL[i];
            into[2 * i + 1] = scratchR[i];
        }
    }

    /** Deletes the temp file, if any (its mapped pages are freed with the buffers). */
    @Override
    public void close() throws IOException {
        if (file != null) Files.deleteIfExists(file);
    }
}
