package org.taperoom.appliance.recording.capture;

import java.util.concurrent.locks.LockSupport;
import org.taperoom.appliance.recording.ring.FrameRing;
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
    /** Where a dropped period's samples go (the ring has no room for them): the meters still see them. */
    private final int[] droppedLane;
    /** Meter figures of the period being processed, per channel: largest and smallest sample, sum of (s >> 8)^2. */
    private final int[] maxSample;
    private final int[] minSample;
    private final long[] sumSquares;
    private final Thread thread;
    /** True until this thread's first period: a reopened device starts a new capture clock. Capture thread only. */
    private boolean firstPeriod = true;

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
        this.droppedLane = new int[periodFrames];
        this.maxSample = new int[channels];
        this.minSample = new int[channels];
        this.sumSquares = new long[channels];
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
            stream.onCaptureThreadStart();
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
            events.publish(CaptureEvents.OVERRUN_DEVICE, position, stream.lastOverrunLostFrames());
        }
        boolean room = ring.freeFrames() >= periodFrames;
        while (clockless && !room && running) {
            LockSupport.parkNanos(200_000L);
            room = ring.freeFrames() >= periodFrames;
        }
        // Each lane's slots for this period: [ringStart, ringStart + firstRun) then [0, periodFrames - firstRun).
        // A dropped period (no room) still feeds the meters, through a scratch lane the writer never reads.
        int ringStart = (int) (position & ring.mask());
        int firstRun = Math.min(periodFrames, ring.capacityFrames() - ringStart);
        meters.beginWrite();
        for (int c = 0; c < channels; c++) {
            int[] lane = room ? ring.lane(c) : droppedLane;
            int laneStart = room ? ringStart : 0;
            int laneRun = room ? firstRun : periodFrames;
            copyAndMeasure(c, lane, laneStart, 0, laneRun);
            if (laneRun < periodFrames) copyAndMeasure(c, lane, 0, laneRun, periodFrames);
            int max = maxSample[c];
            int min = minSample[c];
            long peak = Math.max((long) max, -(long) min);
            boolean clip = max >= clipHigh || min == Integer.MIN_VALUE;
            meters.put(c, (float) (peak * 0x1.0p-31), (float) (sumSquares[c] * 0x1.0p-46 / periodFrames), clip);
            if (clip && room) {
                int firstClip = firstClipFrame(c);
                if (position + firstClip - lastClipEventFrame[c] >= clipMinFrames) {
                    lastClipEventFrame[c] = position + firstClip;
                    events.publish(CaptureEvents.CLIP, position + firstClip, c);
                }
            }
        }
        long captured = capturedFrames + periodFrames;
        meters.endWrite(captured, room ? position + periodFrames : position, System.nanoTime(),
                firstPeriod || !room || status == ReadStatus.OVERRUN_RECOVERED);
        firstPeriod = false;
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

    /**
     * Copies channel {@code c} of period frames [{@code fromFrame}, {@code toFrame}) into
     * {@code lane} from {@code laneStart} on, and folds them into the channel's meter figures
     * (reset at {@code fromFrame == 0}). One pass, int and long arithmetic only (a double sum was
     * a chain of dependent floating-point adds): the sum of squares is taken on the top 24 bits
     * (s >> 8, squares up to 2^46), so periods below 2^17 frames cannot overflow it, and RMS
     * resolves down to one 24-bit step (about -138 dBFS).
     */
    private void copyAndMeasure(int c, int[] lane, int laneStart, int fromFrame, int toFrame) {
        int[] src = interleaved;
        int stride = channels;
        int max = fromFrame == 0 ? Integer.MIN_VALUE : maxSample[c];
        int min = fromFrame == 0 ? Integer.MAX_VALUE : minSample[c];
        long sum = fromFrame == 0 ? 0 : sumSquares[c];
        int i = fromFrame * stride + c;
        int end = laneStart + (toFrame - fromFrame);
        for (int j = laneStart; j < end; j++, i += stride) {
            int s = src[i];
            lane[j] = s;
            max = Math.max(max, s);
            min = Math.min(min, s);
            long top = s >> 8;
            sum += top * top;
        }
        maxSample[c] = max;
        minSample[c] = min;
        sumSquares[c] = sum;
    }

    /** The first frame of the current period at which channel {@code c} is at full scale; only called when it is somewhere. */
    private int firstClipFrame(int c) {
        for (int f = 0, i = c; f < periodFrames; f++, i += channels) {
            int s = interleaved[i];
            if (s >= clipHigh || s == Integer.MIN_VALUE) return f;
        }
        return 0;
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

    /** The driver's words for why the device went (see {@link CaptureStream#goneReason()}); once the thread has ended. */
    public String goneReason() {
        return stream.goneReason();
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
