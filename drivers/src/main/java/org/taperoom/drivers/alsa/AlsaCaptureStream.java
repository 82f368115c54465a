package org.taperoom.drivers.alsa;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import org.taperoom.drivers.audio.AudioDeviceException;
import org.taperoom.drivers.audio.CaptureStream;
import org.taperoom.drivers.audio.ReadStatus;
import org.taperoom.drivers.audio.StreamConfig;
import org.tinylog.Logger;

/**
 * A capture PCM read one period at a time with {@code snd_pcm_readi} into native memory, converted
 * to left-justified S32 by {@link FrameCodec}.
 *
 * <p>Why readi and not mmap: Taperoom converts every sample anyway (device word to S32), so mmap
 * would save one memcpy of a period inside alsa-lib against one JNA call per period either way;
 * the benchmark shows the time goes into conversion and file writing, not that copy (README).
 *
 * <p>Owned by the capture thread from {@link #start()} to {@link #close()}. After start, every path
 * of {@link #readPeriod} is allocation-free: the buffer and the cursor pointer are made once here.
 */
public final class AlsaCaptureStream implements CaptureStream {
    private final AlsaPcm pcm;
    private final AlsaLibrary lib;
    private final StreamConfig config;
    private final FrameCodec codec;
    private final int bytesPerFrame;
    private final int samplesPerPeriod;

    /** One period of device-format frames. Owned by this stream; allocated at open, freed in close(). */
    private final Memory buffer;
    /** Points into {@link #buffer} at the next frame to fill when a read returns short; re-aimed, never re-made. */
    private final Pointer cursor;

    // Written and read by the capture thread only.
    private long overruns;
    private long framesDelivered;
    private long lastOverrunFrame = -1;
    private boolean closed;
    /**
     * True while the owning thread is inside alsa-lib's read/write call; written by the owning
     * thread, read by a thread that closes the stream because the owner seems stuck.
     */
    private volatile boolean inCall;

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
            Pointer.nativeValue(cursor, Pointer.nativeValue(buffer) + (long) doneFrames * bytesPerFrame);
            inCall = true;
            long got = lib.snd_pcm_readi(handle, cursor, periodFrames - doneFrames);
            inCall = false;
            if (got >= 0) {
                doneFrames += (int) got;
                continue;
            }
            int err = (int) got;
            if (err == -AlsaException.EAGAIN || err == -4 /* EINTR */) continue;
            if (err == -AlsaException.EPIPE || err == -AlsaException.ESTRPIPE) {
                if (lib.snd_pcm_recover(handle, err, 1) < 0) return ReadStatus.GONE;
                overruns++;
                if (!recovered) lastOverrunFrame = framesDelivered;
                recovered = true;
                // Frames read before the overrun are not contiguous with what follows: start the period afresh.
                doneFrames = 0;
                continue;
            }
            // -ENODEV (unplugged), -EBADFD, -EIO: the device will not give more.
            return ReadStatus.GONE;
        }
        codec.decode(buffer, dest, samplesPerPeriod);
        framesDelivered += periodFrames;
        return recovered ? ReadStatus.OVERRUN_RECOVERED : ReadStatus.OK;
    }

    @Override
    public long overruns() {
        return overruns;
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
