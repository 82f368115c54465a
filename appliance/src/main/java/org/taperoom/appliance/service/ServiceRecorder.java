package org.taperoom.appliance.service;

import org.taperoom.appliance.recording.capture.MeterSnapshot;
import org.taperoom.appliance.recording.engine.EngineException;
import org.taperoom.appliance.recording.engine.Recorder;
import org.taperoom.appliance.recording.engine.RecorderListener;
import org.taperoom.appliance.recording.engine.RecorderStatus;
import org.taperoom.appliance.recording.engine.TakeRequest;
import org.taperoom.appliance.recording.take.TakeRef;

/**
 * The engine as control and the panel see it under {@code serve}: the same engine, except that
 * while the service cannot start it (no recordings disk, no device) its status says why in
 * {@code lastError}, so the panel shows "the recordings disk is not mounted: ..." instead of a
 * silent "not running"; and when the configured front panel could not open, {@code lastError}
 * says so while nothing worse is to be said.
 */
final class ServiceRecorder implements Recorder {
    private final Recorder engine;
    /** Why the engine is not running, or null. Written by the service's main thread, read by any. */
    private volatile String waitingFor;

    ServiceRecorder(Recorder engine) {
        this.engine = engine;
    }

    /** Why the front panel is off although configured, or null. Written once by the service's main thread. */
    private volatile String frontPanelOff;

    void waitingFor(String reason) {
        waitingFor = reason;
    }

    void frontPanelOff(String reason) {
        frontPanelOff = reason;
    }

    @Override
    public RecorderStatus status() {
        RecorderStatus s = engine.status();
        String reason = waitingFor;
        if (reason == null || s.running()) {
            String panel = frontPanelOff;
            if (panel == null || !s.lastError().isEmpty()) return s;
            reason = "front panel off: " + panel;
        }
        return new RecorderStatus(s.running(), s.devicePresent(), s.device(), s.channels(), s.rateHz(), s.bits(), s.take(),
                s.takeFrames(), s.overruns(), s.freeDiskSeconds(), reason, s.capturePeriods(), s.writerLoops());
    }

    @Override public void start() throws EngineException { engine.start(); }
    @Override public TakeRef startTake(TakeRequest request) throws EngineException { return engine.startTake(request); }
    @Override public TakeRef stopTake() throws EngineException { return engine.stopTake(); }
    @Override public boolean reopen(String device, int channels, int rateHz, String bits, double preRollSeconds) throws EngineException {
        return engine.reopen(device, channels, rateHz, bits, preRollSeconds);
    }
    @Override public boolean addMarker(String label) { return engine.addMarker(label); }
    @Override public boolean addMarker(String label, String source) { return engine.addMarker(label, source); }
    @Override public void readMeters(MeterSnapshot into) { engine.readMeters(into); }
    @Override public boolean addRingTap(org.taperoom.appliance.recording.ring.RingTap tap) { return engine.addRingTap(tap); }
    @Override public void removeRingTap(org.taperoom.appliance.recording.ring.RingTap tap) { engine.removeRingTap(tap); }
    @Override public void addListener(RecorderListener listener) { engine.addListener(listener); }
    @Override public org.taperoom.appliance.recording.ring.FrameRing captureRing() { return engine.captureRing(); }
    @Override public void close() { engine.close(); }
}
