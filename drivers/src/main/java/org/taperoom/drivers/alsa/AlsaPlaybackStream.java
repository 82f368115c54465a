package org.taperoom.drivers.alsa;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import org.taperoom.drivers.audio.AudioDeviceException;
import org.taperoom.drivers.audio.PlaybackStream;
import org.taperoom.drivers.audio.ReadStatus;
import org.taperoom.drivers.audio.StreamConfig;
import org.tinylog.Logger;

/**
 * A playback PCM written one period at a time with {@code snd_pcm_writei}; underruns are recovered
 * with {@code snd_pcm_recover} and counted. Owned by one thread from start to close; the write path
 * allocates nothing (same arrangement as {@link AlsaCaptureStream}).
 */
public final class AlsaPlaybackStream implements PlaybackStream {
    private final AlsaPcm pcm;
    private final AlsaLibrary lib;
    private final StreamConfig config;
    private final FrameCodec codec;
    private final int bytesPerFrame;
    private final int samplesPerPeriod;

    /** One period of device-format frames. Owned by this stream; allocated at open, freed in close(). */
    private final Memory buffer;
    /** Re-aimed into {@link #buffer} after a short write; never re-made. */
    private final Pointer cursor;

    // Written and read by the playback thread only.
    private long underruns;
    private boolean closed;
    /**
     * True while the owning thread is inside alsa-lib's read/write call; written by the owning
     * thread, read by a thread that closes the stream because the owner seems stuck.
     */
    private volatile boolean inCall;

    AlsaPlaybackStream(AlsaPcm pcm, StreamConfig config) {
        this.pcm = pcm;
        this.lib = pcm.lib;
        this.config = config;
        this.bytesPerFrame = config.channels() * config.format().bytesPerSample;
        this.samplesPerPeriod = config.periodFrames() * config.channels();
        this.codec = new FrameCodec(config.format(), samplesPerPeriod);
        this.buffer = new Memory((long) config.periodFrames() * bytesPerFrame);
        this.cursor = new Pointer(Pointer.nativeValue(buffer));
    }

    @Override
    public StreamConfig config() {
        return config;
    }

    @Override
    public void start() throws AudioDeviceException {
        // The device starts by itself once a buffer's worth is written (start threshold).
        AlsaException.check(lib, lib.snd_pcm_prepare(pcm.handle()), "starting playback on '" + pcm.name + "'", "snd_pcm_prepare");
    }

    @Override
    public ReadStatus writePeriod(int[] src) {
        codec.encode(src, buffer, samplesPerPeriod);
        boolean recovered = false;
        int doneFrames = 0;
        int periodFrames = config.periodFrames();
        Pointer handle = pcm.handle();
        while (doneFrames < periodFrames) {
            Pointer.nativeValue(cursor, Pointer.nativeValue(buffer) + (long) doneFrames * bytesPerFrame);
            inCall = true;
            long put = lib.snd_pcm_writei(handle, cursor, periodFrames - doneFrames);
            inCall = false;
            if (put >= 0) {
                doneFrames += (int) put;
                continue;
            }
            int err = (int) put;
            if (err == -AlsaException.EAGAIN || err == -4 /* EINTR */) continue;
            if (err == -AlsaException.EPIPE || err == -AlsaException.ESTRPIPE) {
                if (lib.snd_pcm_recover(handle, err, 1) < 0) return ReadStatus.GONE;
                underruns++;
                recovered = true;
                continue;
            }
            return ReadStatus.GONE;
        }
        return recovered ? ReadStatus.OVERRUN_RECOVERED : ReadStatus.OK;
    }

    @Override
    public long underruns() {
        return underruns;
    }

    /** Plays out what is queued, then closes. */
    public void drainAndClose() {
        if (!closed && pcm.handle() != null) lib.snd_pcm_drain(pcm.handle());
        close();
    }

    /**
     * Stops the device and frees the handle and the buffer. Called by the owning thread, or by
     * another once the owner has stopped. If the owner is still blocked inside alsa-lib (a hung
     * device), the handle and buffer are left to the process instead: freeing them under a running
     * alsa-lib call would crash the JVM, and a leak of one handle is the lesser harm.
     */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        if (inCall) {
            Logger.warn("'{}' is still inside alsa-lib on its own thread; leaving its handle open rather than freeing it under that call",
                    pcm.name);
            return;
        }
        if (pcm.handle() != null) lib.snd_pcm_drop(pcm.handle());
        pcm.close();
        buffer.close();
    }
}
