package org.taperoom.appliance.capture;

import java.util.concurrent.locks.LockSupport;
import org.taperoom.appliance.ring.FrameRing;
import org.taperoom.drivers.audio.CaptureStream;
import org.taperoom.drivers.audio.ReadStatus;

/**
 * The capture thread: owns the capture stream from start to close, reads one period at a time into
 * a buffer allocated once, de-interleaves it into the track lanes of the {@link FrameRing}, and
 * publishes meters and events. After {@link #start()} it never allocates, locks, logs or touches a
 * file; a full ring is an overrun that drops the period, never a wait.
 *
 * <p>It runs from engine start to engine close, take or no take, so meters are always live and
 * the pre-roll is always filling.
 */
public final class CaptureThread {
    private final CaptureStream stream;
    private final FrameRing ring;
    private final MeterBoard meters;
    private final CaptureEvents events;
    private final int channels;
    private final int periodFrames;
    private final int clipMinFrames;
    /**
     * The source has no clock (the unpaced simulator): there is no deadline to miss, so instead of
     * dropping a period when the ring is full the thread waits for room. The only case it waits.
     */
    private final boolean clockless;
    /** Smallest left-justified value that counts as full scale at the stream's resolution. */
    private final int clipHigh;
    // Capture-thread-only state, allocated in the constructor.
    private final int[] interleaved;
    private final long[] lastClipEventFrame;
    private final Thread thread;

    /** Set by close() on any thread, read by the capture thread once per period. */
    private volatile boolean running = true;
    /** Periods processed; written by the capture thread, read by status and the watchdog. */
    private volatile long periods;
    /** Frames read from the device; written by the capture thread. */
    private volatile long capturedFrames;
    /** Device overruns plus ring overruns; written by the capture thread. */
    private volatile long overruns;
    /** Frames dropped because the writer fell behind; written by the capture thread. */
    private volatile long ringDroppedFrames;
    /** True once the device reported itself gone; written by the capture thread. */
    private volatile boolean deviceGone;
    /** True once the thread has left its loop; written by the capture thread. */
    private volatile boolean finished;

    /**
     * @param resolutionBits significant bits of the device's samples (16, 24 or 32): a sample at
     *                       the top code of that resolution counts as clipped
     * @param rateHz         for rate-limiting clip events to one per channel per second
     */
    public CaptureThread(CaptureStream stream, FrameRing ring, MeterBoard meters, CaptureEvents events,
                         int resolutionBits, int rateHz, boolean clockless) {
        this.clockless = clockless;
        this.stream = stream;
        this.ring = ring;
        this.meters = meters;
        this.events = events;
        this.channels = stream.config().channels();
        this.periodFrames = stream.config().periodFrames();
        this.clipMinFrames = rateHz;
        this.clipHigh = resolutionBits >= 32 ? Integer.MAX_VALUE : (int) (((1L << (resolutionBits - 1)) - 1) << (32 - resolutionBits));
        this.interleaved = new int[channels * periodFrames];
        this.lastClipEventFrame = new long[channels];
        java.util.Arrays.fill(lastClipEventFrame, Long.MIN_VALUE / 2);
        this.thread = new Thread(this::run, "taperoom-capture");
        this.thread.setDaemon(true);
        this.thread.setPriority(Thread.MAX_PRIORITY);
    }

    /** Starts the thread; the stream must be started already. */
    public void start() {
        thread.start();
    }

    private void run() {
        try {
            while (running) {
                if (doWork() < 0) break;
            }
        } finally {
            finished = true;
        }
    }

    /** One period: returns the frames processed, or -1 when the device is gone. */
    int doWork() {
        ReadStatus status = stream.readPeriod(interleaved);
        if (status == ReadStatus.GONE) {
            deviceGone = true;
            return -1;
        }
        long position = ring.writeFrame();
        if (status == ReadStatus.OVERRUN_RECOVERED) {
            overruns = overruns + 1;
            events.publish(CaptureEvents.OVERRUN_DEVICE, position, -1);
        }
        boolean room = ring.freeFrames() >= periodFrames;
        while (clockless && !room && running) {
            LockSupport.parkNanos(200_000L);
            room = ring.freeFrames() >= periodFrames;
        }
        int mask = ring.mask();
        int[] buf = interleaved;
        int ch = channels;
        meters.beginWrite();
        for (int c = 0; c < ch; c++) {
            int[] lane = ring.lane(c);
            long peak = 0;
            double sumSquares = 0;
            int firstClip = -1;
            for (int f = 0, i = c; f < periodFrames; f++, i += ch) {
                int s = buf[i];
                if (room) lane[(int) ((position + f) & mask)] = s;
                long a = Math.abs((long) s);
                if (a > peak) peak = a;
                sumSquares += (double) s * s;
                if (firstClip < 0 && (s >= clipHigh || s == Integer.MIN_VALUE)) firstClip = f;
            }
            meters.put(c, (float) (peak * 0x1.0p-31), (float) (sumSquares * 0x1.0p-62 / periodFrames), firstClip >= 0);
            if (firstClip >= 0 && room && position + firstClip - lastClipEventFrame[c] >= clipMinFrames) {
                lastClipEventFrame[c] = position + firstClip;
                events.publish(CaptureEvents.CLIP, position + firstClip, c);
            }
        }
        long captured = capturedFrames + periodFrames;
        meters.endWrite(captured);
        if (room) {
            ring.publish(position + periodFrames);
        } else {
            overruns = overruns + 1;
            ringDroppedFrames = ringDroppedFrames + periodFrames;
            events.publish(CaptureEvents.OVERRUN_RING, position, periodFrames);
        }
        capturedFrames = captured;
        periods = periods + 1;
        return periodFrames;
    }

    public long periods() {
        return periods;
    }

    public long capturedFrames() {
        return capturedFrames;
    }

    public long overruns() {
        return overruns;
    }

    public long ringDroppedFrames() {
        return ringDroppedFrames;
    }

    public boolean deviceGone() {
        return deviceGone;
    }

    public boolean finished() {
        return finished;
    }

    /** The thread, for allocation and liveness checks. */
    public Thread thread() {
        return thread;
    }

    /** Stops the loop, closes the stream (which releases a stuck read) and waits up to {@code waitMillis}. */
    public void close(long waitMillis) {
        running = false;
        try {
            thread.join(waitMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stream.close();
        if (thread.isAlive()) {
            try {
                thread.join(waitMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
