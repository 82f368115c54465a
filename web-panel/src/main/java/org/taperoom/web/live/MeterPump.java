package org.taperoom.web.live;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.taperoom.appliance.recording.capture.MeterSnapshot;
import org.taperoom.appliance.recording.engine.Recorder;
import org.tinylog.Logger;

/**
 * The one thread that reads the engine's meters (lock-free, {@link Recorder#readMeters}) about 30
 * times a second and hands the same JSON text to every client. It never waits for a client
 * ({@link LiveClient} sends asynchronously), so a slow browser cannot slow it, the engine or the
 * other browsers.
 */
public final class MeterPump implements AutoCloseable {
    public static final long PERIOD_NANOS = TimeUnit.SECONDS.toNanos(1) / 30;
    /** A client whose one message has been on the wire this long is dead or not reading. */
    static final long STUCK_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final Recorder recorder;
    private final LiveHub hub;
    private final Thread thread;
    /** Owned by the meter thread. */
    private MeterSnapshot snapshot;
    private final StringBuilder json = new StringBuilder(1024);
    /** Clip counts at the previous message; meter thread only. */
    private long[] lastClipCounts = new long[0];
    /** Written by the meter thread, read by tests and stats. */
    private volatile long ticks;
    private volatile boolean running = true;

    public MeterPump(Recorder recorder, LiveHub hub) {
        this.recorder = recorder;
        this.hub = hub;
        this.thread = Thread.ofPlatform().daemon().name("panel-meters").unstarted(this::run);
    }

    public void start() {
        thread.start();
    }

    public long ticks() {
        return ticks;
    }

    private void run() {
        long next = System.nanoTime();
        while (running) {
            try {
                doWork();
            } catch (RuntimeException e) {
                Logger.warn(e, "panel meters: {}", e.getMessage());
            }
            next += PERIOD_NANOS;
            long wait = next - System.nanoTime();
            if (wait > 0) LockSupport.parkNanos(wait);
            else next = System.nanoTime();
        }
    }

    /** One tick: read the meters, send them to every client. Returns the clients served. */
    int doWork() {
        ticks++;
        if (ticks % 30 == 0) hub.dropStuck(STUCK_NANOS);
        int clients = hub.clientCount();
        if (clients == 0) return 0;
        int channels = recorder.status().channels();
        if (snapshot == null || snapshot.channels() != channels) snapshot = new MeterSnapshot(channels);
        recorder.readMeters(snapshot);
        hub.meters(format(snapshot));
        return clients;
    }

    private String format(MeterSnapshot m) {
        StringBuilder b = json;
        b.setLength(0);
        b.append("{\"type\":\"meters\",\"frame\":").append(m.framePosition)
                .append(",\"sentAtMillis\":").append(System.currentTimeMillis()).append(",\"peakDbfs\":[");
        for (int i = 0; i < m.channels(); i++) appendDb(b.append(i == 0 ? "" : ","), m.peakDbfs[i]);
        b.append("],\"rmsDbfs\":[");
        for (int i = 0; i < m.channels(); i++) appendDb(b.append(i == 0 ? "" : ","), m.rmsDbfs[i]);
        b.append("],\"clipped\":[");
        // A clip in any period since the previous message counts: at 30 Hz the pump sees only one
        // period in several, and a one-period clip must still light the indicator.
        if (lastClipCounts.length != m.channels()) lastClipCounts = m.clipCounts.clone();
        for (int i = 0; i < m.channels(); i++) {
            b.append(i == 0 ? "" : ",").append(m.clipped[i] || m.clipCounts[i] != lastClipCounts[i]);
            lastClipCounts[i] = m.clipCounts[i];
        }
        return b.append("]}").toString();
    }

    /** dBFS with one decimal; silence (-infinity) and anything below -120 is written as -120. */
    private static void appendDb(StringBuilder b, float db) {
        if (!(db > -120f)) {
            b.append("-120");
            return;
        }
        b.append(Math.round(db * 10f) / 10.0);
    }

    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
