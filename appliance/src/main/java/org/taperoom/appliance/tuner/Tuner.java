package org.taperoom.appliance.tuner;

import java.util.concurrent.locks.LockSupport;
import java.util.function.IntSupplier;
import org.taperoom.appliance.dsp.pitch.NoteReading;
import org.taperoom.appliance.dsp.pitch.PitchDetector;

/**
 * A chromatic tuner on its own thread ({@code taperoom-tuner}): it reads one input through a
 * {@link TunerTap}, and every {@link #HOP_SECONDS} of audio measures the latest window with a
 * {@link PitchDetector} and hands the listener a {@link NoteReading} (or nothing for silence or
 * noise). The capture thread does no tuner work; the writer thread only copies samples.
 *
 * <p>A reading covers the {@link PitchDetector#samplesNeeded()} samples before it (about 60 ms
 * at any rate), so a steady note reads within that plus one hop (about 85 ms) of its onset.
 */
public final class Tuner {
    static final double HOP_SECONDS = 0.025;
    /** Windows quieter than this (RMS, dBFS) are silence: no reading. */
    static final double GATE_DBFS = -60;

    /** Receives readings on the tuner thread; keep it short. */
    public interface Listener {
        /**
         * @param reading   the note
         * @param endSample the input's sample count at the window's end (counting samples the tap dropped)
         */
        void onReading(NoteReading reading, long endSample);

        /** The tap's input is gone (the device came back with fewer inputs); the tuner thread ends after this. */
        default void onInputGone() {}
    }

    private final TunerTap tap;
    /** The input's sample rate now; asked again after each gap (a reopened device may bring another). */
    private final IntSupplier rateHz;
    private final double a4Hz;
    private final Listener listener;
    // The detector for the current rate, its hop and window: set by the constructor and, after a
    // reopen at another rate, by the tuner thread; owned by the tuner thread once it runs.
    private int currentRateHz;
    private PitchDetector detector;
    private int hop;
    /** The newest samples, oldest first. */
    private float[] window;
    private final Thread thread;
    /** Set by any thread to stop; read by the tuner thread. */
    private volatile boolean stopping;

    public Tuner(TunerTap tap, int rateHz, double a4Hz, Listener listener) {
        this(tap, () -> rateHz, a4Hz, listener);
    }

    /** A tuner whose input's rate may change (a device reopened): {@code rateHz} is asked at the start and after each gap. */
    public Tuner(TunerTap tap, IntSupplier rateHz, double a4Hz, Listener listener) {
        if (!(a4Hz >= NoteReading.MIN_A4_HZ && a4Hz <= NoteReading.MAX_A4_HZ)) {
            throw new IllegalArgumentException("A4 must be " + NoteReading.MIN_A4_HZ + "–" + NoteReading.MAX_A4_HZ + " Hz, not " + a4Hz);
        }
        this.tap = tap;
        this.rateHz = rateHz;
        this.a4Hz = a4Hz;
        this.listener = listener;
        useRate(rateHz.getAsInt());
        this.thread = new Thread(this::run, "taperoom-tuner");
        thread.setDaemon(true);
    }

    /** Constructor, then tuner thread: a detector, hop and window for {@code hz}. */
    private void useRate(int hz) {
        currentRateHz = hz;
        detector = new PitchDetector(hz);
        hop = (int) Math.round(HOP_SECONDS * hz);
        window = new float[detector.samplesNeeded()];
    }

    public void start() {
        thread.start();
    }

    /** Any thread: stops the tuner thread and waits for it. */
    public void close() throws InterruptedException {
        stopping = true;
        LockSupport.unpark(thread);
        thread.join(2000);
    }

    /** Tuner thread. */
    private void run() {
        int filled = 0;
        int sinceReading = 0;
        long seenGap = -1;
        long pendingGap = -1;
        while (!stopping) {
            long available = tap.available();
            if (available < hop) {
                if (tap.inputGone()) {
                    listener.onInputGone();
                    return;
                }
                LockSupport.parkNanos(5_000_000L);
                continue;
            }
            long gap = tap.gapAt();
            if (gap != seenGap) {
                // The tap skipped samples, or the device was reopened: no window may span the gap,
                // and what follows may come at another rate.
                seenGap = gap;
                pendingGap = gap;
                filled = 0;
                sinceReading = 0;
                int hz = rateHz.getAsInt();
                if (hz != currentRateHz) useRate(hz);
                continue;
            }
            int n = (int) Math.min(available, hop);
            if (filled + n > window.length) {
                int keep = window.length - n;
                System.arraycopy(window, filled - keep, window, 0, keep);
                filled = keep;
            }
            long before = tap.readPosition();
            tap.take(window, filled, n);
            filled += n;
            sinceReading += n;
            if (pendingGap >= 0 && pendingGap <= before + n) {
                if (pendingGap > before) {
                    int after = (int) (before + n - pendingGap);
                    System.arraycopy(window, filled - after, window, 0, after);
                    filled = after;
                    sinceReading = after;
                }
                pendingGap = -1;
            }
            if (filled == window.length && sinceReading >= hop && pendingGap < 0) {
                sinceReading = 0;
                measure(before + n + tap.dropped());
            }
        }
    }

    /** Tuner thread: one reading of the full window. */
    private void measure(long endSample) {
        double sq = 0;
        for (float v : window) sq += v * v;
        double rmsDb = 10 * Math.log10(sq / window.length + 1e-30);
        if (rmsDb < GATE_DBFS) return;
        double hz = detector.detect(window, 0);
        if (Double.isNaN(hz)) return;
        listener.onReading(NoteReading.of(hz, a4Hz), endSample);
    }
}
