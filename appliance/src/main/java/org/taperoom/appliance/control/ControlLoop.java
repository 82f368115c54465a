package org.taperoom.appliance.control;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.taperoom.appliance.config.Config;
import org.taperoom.appliance.config.ControlKeys;
import org.taperoom.appliance.recording.capture.MeterSnapshot;
import org.taperoom.appliance.recording.engine.Recorder;
import org.taperoom.appliance.recording.engine.RecorderStatus;
import org.tinylog.Logger;

/**
 * The control thread: every {@link #TICK_MILLIS} it reads the meters (lock-free, never on the
 * audio thread) for auto-record and the clip LED, and drives the LED patterns; about once a
 * second it reads the engine's status for the disk warning and lets the transport leave an error
 * whose cause is gone. One small class with start / {@link #doWork} / close.
 */
public final class ControlLoop implements AutoCloseable {
    static final long TICK_MILLIS = 10;
    private static final long STATUS_EVERY_MILLIS = 1000;

    private final Recorder recorder;
    private final TransportControl transport;
    private final AutoRecordTrigger trigger;
    private final Indicators indicators;
    private final long diskLowSeconds;
    private final Thread thread;
    /** Written by close(), read by the loop. */
    private volatile boolean running = true;

    // Owned by the loop's thread.
    private MeterSnapshot meters;
    private long lastFrame = -1;
    private long lastStatusMillis = Long.MIN_VALUE / 2;
    private boolean diskLow;
    private int rateHz;

    /** {@code indicators} may be null when no LEDs are connected. */
    public ControlLoop(Recorder recorder, TransportControl transport, Config config, Indicators indicators) {
        this.recorder = recorder;
        this.transport = transport;
        this.trigger = new AutoRecordTrigger(transport, config);
        this.indicators = indicators;
        this.diskLowSeconds = config.get(ControlKeys.DISK_LOW_MINUTES) * 60L;
        this.thread = new Thread(this::run, "control");
        thread.setDaemon(true);
    }

    public ControlLoop start() {
        thread.start();
        return this;
    }

    private void run() {
        while (running) {
            try {
                doWork(TimeUnit.NANOSECONDS.toMillis(System.nanoTime()));
            } catch (RuntimeException e) {
                Logger.error(e, "control loop");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS));
        }
    }

    /** One tick at monotonic {@code nowMillis}; returns 1 when fresh meters were handled. */
    int doWork(long nowMillis) {
        if (nowMillis - lastStatusMillis >= STATUS_EVERY_MILLIS) {
            lastStatusMillis = nowMillis;
            RecorderStatus st = recorder.status();
            rateHz = st.rateHz();
            diskLow = st.running() && st.freeDiskSeconds() < diskLowSeconds;
            if (st.channels() > 0 && (meters == null || meters.channels() != st.channels())) meters = new MeterSnapshot(st.channels());
            transport.checkErrorCleared();
        }
        MeterSnapshot fresh = null;
        if (meters != null) {
            recorder.readMeters(meters);
            if (meters.framePosition != lastFrame) {
                lastFrame = meters.framePosition;
                fresh = meters;
            }
        }
        TransportState state = transport.view().state();
        if (fresh != null && rateHz > 0) trigger.onMeters(fresh, rateHz, state);
        if (indicators != null) indicators.update(nowMillis, transport.view().state(), diskLow, fresh);
        return fresh == null ? 0 : 1;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (indicators != null) indicators.dark();
    }
}
