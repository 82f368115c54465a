package org.taperoom.drivers.alsa;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import org.taperoom.drivers.audio.StreamConfig;
import org.tinylog.Logger;

/**
 * One period of device-format frames in native memory, with what a capture or playback stream
 * needs around it: the codec to and from left-justified S32, a cursor pointer re-aimed at the
 * frame where a short read or write resumes, and the close that is safe while the owning thread
 * may still be blocked inside alsa-lib.
 *
 * <p>Owned by one stream and its thread; {@link #at}, {@link #decode} and {@link #encode}
 * allocate nothing (the buffer and the cursor are made once here). {@link #close} may come from
 * another thread once the owner seems stuck.
 */
final class PeriodBuffer {
    private final AlsaPcm pcm;
    private final FrameCodec codec;
    private final int bytesPerFrame;
    private final int samplesPerPeriod;
    /** One period. Allocated here, freed in close(). */
    private final Memory buffer;
    /** Points into {@link #buffer} at the next frame of a call; re-aimed, never re-made. */
    private final Pointer cursor;
    /**
     * True while the owning thread is inside alsa-lib's read/write call; written by the owning
     * thread, read by a thread that closes the stream because the owner seems stuck.
     */
    private volatile boolean inCall;
    /** Set by {@link #close} on any thread; read by the stream's thread while it waits. */
    private volatile boolean closed;

    PeriodBuffer(AlsaPcm pcm, StreamConfig config) {
        this.pcm = pcm;
        this.bytesPerFrame = config.channels() * config.format().bytesPerSample;
        this.samplesPerPeriod = config.periodFrames() * config.channels();
        this.codec = new FrameCodec(config.format(), samplesPerPeriod);
        this.buffer = new Memory((long) config.periodFrames() * bytesPerFrame);
        this.cursor = new Pointer(Pointer.nativeValue(buffer));
    }

    /** The cursor, aimed at frame {@code frame} of the period, for the next alsa-lib call. */
    Pointer at(int frame) {
        Pointer.nativeValue(cursor, Pointer.nativeValue(buffer) + (long) frame * bytesPerFrame);
        return cursor;
    }

    /** Marks the owning thread as inside (true) or out of (false) an alsa-lib read/write call. */
    void inCall(boolean inside) {
        inCall = inside;
    }

    /** The whole period, device format to S32 into {@code dest}. */
    void decode(int[] dest) {
        codec.decode(buffer, dest, samplesPerPeriod);
    }

    /** The whole period, S32 from {@code src} to device format. */
    void encode(int[] src) {
        codec.encode(src, buffer, samplesPerPeriod);
    }

    /** The whole period, floats (full scale 1.0) from {@code src} to device format. */
    void encode(float[] src) {
        codec.encode(src, buffer, samplesPerPeriod);
    }

    /**
     * Stops the device and frees the handle and the buffer. Called by the owning thread, or by
     * another once the owner has stopped. If the owner is still blocked inside alsa-lib (a hung
     * device), the handle and buffer are left to the process instead: freeing them under a running
     * alsa-lib call would crash the JVM, and a leak of one handle is the lesser harm.
     */
    void close() {
        if (closed) return;
        closed = true;
        if (inCall) {
            Logger.warn("'{}' is still inside alsa-lib on its own thread; leaving its handle open rather than freeing it under that call",
                    pcm.name);
            return;
        }
        pcm.unlinkIfLinked();
        if (pcm.handle() != null) pcm.lib.snd_pcm_drop(pcm.handle());
        pcm.close();
        buffer.close();
    }

    boolean closed() {
        return closed;
    }
}
