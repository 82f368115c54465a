package org.taperoom.web.school;

import java.io.IOException;
import org.taperoom.appliance.control.ControlEvent;
import org.taperoom.appliance.control.Transport;
import org.taperoom.appliance.control.TransportState;
import org.taperoom.appliance.control.TransportView;
import org.taperoom.appliance.recording.engine.Recorder;
import org.taperoom.appliance.recording.engine.RecorderStatus;
import org.taperoom.appliance.recording.take.TakeInfo;
import org.taperoom.appliance.recording.take.TakeJson;
import org.taperoom.appliance.recording.take.TakeRef;
import org.taperoom.web.takes.Owners;
import org.tinylog.Logger;

/**
 * Stops a student's take when their quota runs out, through the transport like any stop (so the
 * take ends cleanly and is kept, as when the student presses stop). Polled by the school's thread
 * every {@link #PERIOD_MILLIS}: a take may run that much past the quota. Fields are the polling
 * thread's only.
 */
public final class QuotaWatch implements Runnable {
    public static final long PERIOD_MILLIS = 100;
    public static final String SOURCE = "quota";

    private final Transport transport;
    private final Recorder recorder;
    private final Quota quota;
    /** The take being watched, its owner (null: a teacher's) and the seconds the owner had left when it began. */
    private String takeId;
    private String owner;
    private double leftSeconds;
    private boolean stopSent;

    public QuotaWatch(Transport transport, Recorder recorder, Quota quota) {
        this.transport = transport;
        this.recorder = recorder;
        this.quota = quota;
    }

    @Override
    public void run() {
        try {
            poll();
        } catch (IOException | RuntimeException e) {
            Logger.warn("quota check failed: {}", e.toString());
        }
    }

    private void poll() throws IOException {
        if (!quota.limited()) return;
        TransportView v = transport.view();
        TakeRef take = v.take();
        if (v.state() != TransportState.RECORDING || take == null) return;
        if (!take.id().equals(takeId)) {
            TakeInfo info;
            try {
                info = TakeJson.read(take.folder());
            } catch (IOException e) {
                return; // take.json not written yet: the next poll
            }
            owner = Owners.of(info);
            takeId = take.id();
            stopSent = false;
            leftSeconds = owner == null ? Double.MAX_VALUE : quota.leftSeconds(owner, take.id());
        }
        if (owner == null || stopSent) return;
        RecorderStatus s = recorder.status();
        double elapsed = s.rateHz() > 0 ? (double) s.takeFrames() / s.rateHz() : 0;
        if (elapsed >= leftSeconds) {
            stopSent = true;
            Logger.info("take {}: student {} reached the quota of {} s; stopping it (the take is kept)", take.id(), owner, quota.limitSeconds());
            transport.send(new ControlEvent.Stop(SOURCE));
        }
    }
}
