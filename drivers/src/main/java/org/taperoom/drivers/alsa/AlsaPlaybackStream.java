package org.taperoom.drivers.alsa;

import com.sun.jna.Pointer;
import org.taperoom.drivers.audio.AudioDeviceException;
import org.taperoom.drivers.audio.PlaybackStream;
import org.taperoom.drivers.audio.ReadStatus;
import org.taperoom.drivers.audio.StreamConfig;

/**
 * A playback PCM written one period at a time with {@code snd_pcm_writei}; underruns are recovered
 * with {@code snd_pcm_recover} and counted. Owned by one thread from start to close; the write path
 * allocates nothing (same arrangement as {@link AlsaCaptureStream}).
 */
public final class AlsaPlaybackStream implements PlaybackStream {
    private final AlsaPcm pcm;
    private final AlsaLibrary lib;
    private final StreamConfig config;
    /** One period of device frames, its codec and cursor, and the close that is safe under a stuck call. */
    private final PeriodBuffer period;

    // Written and read by the playback thread only.
    private long underruns;

    /** SCHED_FIFO priority for the playback thread, or 0 to leave it be. */
    private final int fifoPriority;

    AlsaPlaybackStream(AlsaPcm pcm, StreamConfig config) {
        this(pcm, config, 0);
    }

    AlsaPlaybackStream(AlsaPcm pcm, StreamConfig config, int fifoPriority) {
        this.fifoPriority = fifoPriority;
        this.pcm = pcm;
        this.lib = pcm.lib;
        this.config = config;
        this.period = new PeriodBuffer(pcm, config);
    }

    AlsaPcm pcm() {
        return pcm;
    }

    /** {@code snd_pcm_delay}; allocates (see {@link AlsaPcm#delayFrames}). */
    @Override
    public long delayFrames() {
        return pcm.delayFrames();
    }

    @Override
    public StreamConfig config() {
        return config;
    }

    @Override
    public void onPlaybackThreadStart() {
        if (fifoPriority > 0) RealtimeScheduling.raiseCallingThreadToFifo(fifoPriority);
    }

    @Override
    public void start() throws AudioDeviceException {
        // The device starts by itself once a buffer's worth is written (start threshold).
        AlsaException.check(lib, lib.snd_pcm_prepare(pcm.handle()), "starting playback on '" + pcm.name + "'", "snd_pcm_prepare");
    }

    @Override
    public ReadStatus writePeriod(int[] src) {
        period.encode(src);
        return writeEncoded();
    }

    @Override
    public ReadStatus writePeriod(float[] src) {
        period.encode(src);
        return writeEncoded();
    }

    /** Writes the encoded period, recovering underruns. */
    private ReadStatus writeEncoded() {
        boolean recovered = false;
        int doneFrames = 0;
        int periodFrames = config.periodFrames();
        Pointer handle = pcm.handle();
        while (doneFrames < periodFrames) {
            Pointer at = period.at(doneFrames);
            period.inCall(true);
            long put = lib.snd_pcm_writei(handle, at, periodFrames - doneFrames);
            period.inCall(false);
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
        if (!period.closed() && pcm.handle() != null) lib.snd_pcm_drain(pcm.handle());
        close();
    }

    /** Stops the device and frees it (see {@link PeriodBuffer#close}: not under a call still running). */
    @Override
    public void close() {
        period.close();
    }
}
