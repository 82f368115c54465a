package org.taperoom.appliance.song;

import java.nio.file.Path;
import org.taperoom.drivers.sim.SimBackend;

/**
 * The round trip an overdub uses for a device: a calibration stored for this device, rate,
 * period and buffer when there is one; otherwise an estimate that says it is one: the
 * simulator's declared loopback, or for ALSA the output buffer (what {@code snd_pcm_delay}
 * reports for a full playback buffer at start, the capture side's delay being 0 then).
 */
public final class RoundTrips {
    private RoundTrips() {}

    public static RoundTrip forDevice(Path library, String device, int rateHz, int periodFrames, int bufferPeriods) {
        var measured = new Calibrations(library).find(device, rateHz, periodFrames, bufferPeriods);
        if (measured.isPresent()) return measured.get();
        if (SimBackend.handles(device)) {
            Long sim = SimBackend.loopbackFrames(device);
            return sim != null ? new RoundTrip(sim, false, "uncalibrated: the simulator's loopback option")
                    : new RoundTrip(0, false, "uncalibrated: the simulator has no loopback (sim:loopback=FRAMES), its inputs do not hear its outputs");
        }
        long estimate = (long) periodFrames * bufferPeriods;
        return new RoundTrip(estimate, false, "uncalibrated: estimated from the device's reported delays "
                + "(a full output buffer, " + bufferPeriods + " x " + periodFrames + " frames); run 'taperoom calibrate' with a loopback cable");
    }
}
