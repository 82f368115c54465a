package org.taperoom.appliance.control;

import org.taperoom.appliance.config.Config;
import org.taperoom.appliance.config.ControlKeys;
import org.taperoom.appliance.recording.capture.MeterSnapshot;

/**
 * Auto-record: while the transport waits, a peak at or above {@code autoRecordStartDbfs} on any
 * armed input held for {@code autoRecordStartMillis} sends Record (source "auto-record"); while a
 * take it started records, every armed input below {@code autoRecordStopDbfs} for
 * {@code autoRecordStopSeconds} sends Stop. Durations are measured in captured frames (the
 * meters' frame position), not wall time, so a late control thread never shortens or lengthens
 * them. Dips shorter than {@link #GAP_SECONDS} do not interrupt "above" (a low note's zero
 * crossings fall inside one period).
 *
 * <p>Threading: only the control loop's thread calls {@link #onMeters}.
 */
public final class AutoRecordTrigger {
    static final double GAP_SECONDS = 0.1;

    private final TransportControl transport;
    private final float startDbfs;
    private final float stopDbfs;
    private final double startSeconds;
    private final double stopSeconds;

    // Owned by the control loop's thread. -1 = not above / not counting.
    private long aboveSinceFrame = -1;
    private long lastAboveFrame = -1;
    private long lastLoudFrame = -1;

    public AutoRecordTrigger(TransportControl transport, Config config) {
        this.transport = transport;
        this.startDbfs = config.get(ControlKeys.AUTO_START_DBFS).floatValue();
        this.stopDbfs = config.get(ControlKeys.AUTO_STOP_DBFS).floatValue();
        this.startSeconds = config.get(ControlKeys.AUTO_START_MILLIS) / 1000.0;
        this.stopSeconds = config.get(ControlKeys.AUTO_STOP_SECONDS);
    }

    /** One fresh meter reading ({@code meters.framePosition} advanced) at {@code rateHz}. */
    public void onMeters(MeterSnapshot meters, int rateHz, TransportState state) {
        long frame = meters.framePosition;
        float peak = loudestArmedPeak(meters);
        if (state == TransportState.WAITING) {
            lastLoudFrame = -1;
            if (peak >= startDbfs) {
                if (aboveSinceFrame < 0 || frame - lastAboveFrame > GAP_SECONDS * rateHz) aboveSinceFrame = frame;
                lastAboveFrame = frame;
                if (frame - aboveSinceFrame >= startSeconds * rateHz) {
                    aboveSinceFrame = -1;
                    transport.send(new ControlEvent.Record(TransportControl.AUTO_RECORD));
                }
            }
            return;
        }
        aboveSinceFrame = -1;
        if (!transport.recordingAutoStartedTake()) {
            lastLoudFrame = -1;
            return;
        }
        if (lastLoudFrame < 0 || peak >= stopDbfs) lastLoudFrame = frame;
        else if (frame - lastLoudFrame >= stopSeconds * rateHz) {
            lastLoudFrame = -1;
            transport.send(new ControlEvent.Stop(TransportControl.AUTO_RECORD));
        }
    }

    private float loudestArmedPeak(MeterSnapshot m) {
        InputArming arming = transport.arming();
        float max = Float.NEGATIVE_INFINITY;
        for (int ch = 0; ch < m.channels(); ch++) {
            if (arming.isArmed(ch + 1) && m.peakDbfs[ch] > max) max = m.peakDbfs[ch];
        }
        return max;
    }
}
