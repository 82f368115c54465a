package org.taperoom.appliance.telemetry;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;
import org.taperoom.appliance.recording.engine.RecorderListener;
import org.taperoom.appliance.recording.take.EndReason;
import org.taperoom.appliance.recording.take.TakeRef;

/**
 * Counts the takes the engine finished and how long they ran, from the engine's listener calls.
 * Written on the engine's listener thread (lock-free adders), read by any scrape.
 */
public final class TakeTally implements RecorderListener {
    private final AtomicLong takes = new AtomicLong();
    private final DoubleAdder seconds = new DoubleAdder();
    /** Written on the listener thread, read there too; 0 when no take runs. */
    private volatile long startedNanos;

    @Override
    public void takeStarted(TakeRef take) {
        startedNanos = System.nanoTime();
    }

    @Override
    public void takeEnded(TakeRef take, EndReason reason, String detail) {
        long started = startedNanos;
        if (started != 0) seconds.add((System.nanoTime() - started) / 1e9);
        startedNanos = 0;
        takes.incrementAndGet();
    }

    public long takes() {
        return takes.get();
    }

    /** Wall-clock seconds from each take's start to its end (pre-roll not counted). */
    public double recordedSeconds() {
        return seconds.sum();
    }
}
