package org.taperoom.drivers.alsa;

import com.sun.jna.Pointer;
import org.taperoom.drivers.audio.AudioDeviceException;
import org.taperoom.drivers.audio.CaptureStream;
import org.taperoom.drivers.audio.ReadStatus;
import org.taperoom.drivers.audio.StreamConfig;

/**
 * A capture PCM read one period at a time with {@code snd_pcm_readi} into native memory, converted
 * to left-justified S32 by {@link FrameCodec}.
 *
 * <p>Why readi and not mmap: Taperoom converts every sample anyway (device word to S32), so mmap
 * would save one memcpy of a period inside alsa-lib against one JNA call per period either way;
 * the benchmark shows the time goes into conversion and file writing, not that copy (README).
 *
 * <p>Owned by the capture thread from {@link #start()} to {@link #close()}. After start, every path
 * of {@link #readPeriod} is allocation-free: the buffer and the cursor pointer are made once, at
 * open ({@link PeriodBuffer}).
 */
public final class AlsaCaptureStream implements CaptureStream {
    private final AlsaPcm pcm;
    private final AlsaLibrary lib;
    private final StreamConfig config;
    /** One period of device frames, its codec and cursor, and the close that is safe under a stuck call. */
    private final PeriodBuffer period;

    // Written and read by the capture thread only.
    private long overruns;
    private long framesDelivered;
    private long lastOverrunFrame = -1;
    /** When the last whole period was read (System.nanoTime), and the frames the last overrun lost. */
    private long lastPeriodNanos;
    private long lastOverrunLostFrames = -1;
    /** The error and the stream's state when a read last gave up (0, -1: never); read by {@link #goneReason()}. */
    private int goneError;
    private int goneState = -1;
    private boolean goneInRecover;

    /** SCHED_FIFO priority to ask for on the capture thread; 0 for none. */
    private final int fifoPriority;
    /** False for clockless plugin chains (see {@link AlsaPcm#paced()}). */
    private final boolean paced;

    AlsaCaptureStream(AlsaPcm pcm, StreamConfig config, int fifoPriority) {
        this.pcm = pcm;
        this.fifoPriority = fifoPriority;
        this.paced = pcm.paced();
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
    public void start() throws AudioDeviceException {
        AlsaException.check(lib, lib.snd_pcm_prepare(pcm.handle()), "starting capture on '" + pcm.name + "'", "snd_pcm_prepare");
        // Capture starts with the first read (start threshold 1); nothing else to do.
    }

    /** Asks for SCHED_FIFO for the capture thread when the backend was configured with a priority. */
    @Override
    public void onCaptureThreadStart() {
        if (fifoPriority > 0) RealtimeScheduling.raiseCallingThreadToFifo(fifoPriority);
    }

    @Override
    public boolean paced() {
        return paced;
    }

    @Override
    public ReadStatus readPeriod(int[] dest) {
        boolean recovered = false;
        int doneFrames = 0;
        int periodFrames = config.periodFrames();
        Pointer handle = pcm.handle();
        while (doneFrames < periodFrames) {
            Pointer at = period.at(doneFrames);
            period.inCall(true);
            // Closed on another thread (while this one waited for a partner): the handle may be
            // freed. inCall is raised first, so close() either sees it or is seen here.
            if (period.closed()) {
                period.inCall(false);
                return ReadStatus.GONE;
            }
            long got = lib.snd_pcm_readi(handle, at, periodFrames - doneFrames);
            period.inCall(false);
            if (got >= 0) {
                doneFrames += (int) got;
                continue;
            }
            int err = (int) got;
            if (err == -AlsaException.EAGAIN || err == -4 /* EINTR */) continue;
            if (err == -AlsaException.EPIPE || err == -AlsaException.ESTRPIPE) {
                // In a linked pair an underrun of the playback stops both, and the playback thread
                // may prepare and restart the pair before this thread gets here: preparing a
                // running pair again fails (-EBUSY), so only a pair still stopped is prepared.
                boolean partnerRecovered = err == -AlsaException.EPIPE && pcm.linked()
                        && lib.snd_pcm_state(handle) != AlsaLibrary.SND_PCM_STATE_XRUN;
                if (!partnerRecovered) {
                    int recoverErr = lib.snd_pcm_recover(handle, err, 1);
                    if (recoverErr < 0) {
                        goneError = recoverErr;
                        goneInRecover = true;
                        goneState = lib.snd_pcm_state(handle);
                        return ReadStatus.GONE;
                    }
                }
                overruns++;
                if (!recovered) lastOverrunFrame = framesDelivered;
                // The device kept its clock: every frame of the time since the last period handed
                // over is gone, those of this period read before the overrun included (to within
                // the device buffer's latency).
                lastOverrunLostFrames = lastPeriodNanos == 0 ? -1
                        : (System.nanoTime() - lastPeriodNanos) * config.rateHz() / 1_000_000_000L;
                recovered = true;
                // Frames read before the overrun are not contiguous with what follows: start the period afresh.
                doneFrames = 0;
                continue;
            }
            // A linked capture starts only with its partner, and Linux (6.x) ends a read that waits
            // longer than 1.1 buffers with -EIO even though nothing is wrong: the playback has not
            // filled its buffer yet (an overdub's song is still being prepared, or refills after an
            // underrun). Wait on, until the pair starts or the stream is closed.
            if (err == -AlsaException.EIO && waitingForPartner(handle)) continue;
            // -ENODEV (unplugged), -EBADFD, -EIO: the device will not give more.
            goneError = err;
            goneState = lib.snd_pcm_state(handle);
            return ReadStatus.GONE;
        }
        period.decode(dest);
        framesDelivered += periodFrames;
        lastPeriodNanos = System.nanoTime();
        return recovered ? ReadStatus.OVERRUN_RECOVERED : ReadStatus.OK;
    }

    /** Linked, prepared and not started: the capture waits for its partner's start. Allocation-free. */
    private boolean waitingForPartner(Pointer handle) {
        return pcm.linked() && !period.closed() && lib.snd_pcm_state(handle) == AlsaLibrary.SND_PCM_STATE_PREPARED;
    }

    @Override
    public String goneReason() {
        if (goneError == 0) return "";
        return (goneInRecover ? "snd_pcm_recover: " : "snd_pcm_readi: ") + lib.snd_strerror(goneError) + " (" + goneError + "), stream state " + goneState;
    }

    @Override
    public long overruns() {
        return overruns;
    }

    /**
     * Measured by the monotonic clock: the time from the last period handed over to the recovery,
     * in frames at the device's rate. -1 before the first period.
     */
    @Override
    public long lastOverrunLostFrames() {
        return lastOverrunLostFrames;
    }

    /** Frames handed to the caller since start; read by the capture thread. */
    public long framesDelivered() {
        return framesDelivered;
    }

    /**
     * Position (in frames handed to the caller since start) of the most recent overrun: the gap lies
     * just before this frame. -1 when none. Read by the capture thread.
     */
    public long lastOverrunFrame() {
        return lastOverrunFrame;
    }

    /** Stops the device and frees it (see {@link PeriodBuffer#close}: not under a call still running). */
    @Override
    public void close() {
        period.close();
    }
}
