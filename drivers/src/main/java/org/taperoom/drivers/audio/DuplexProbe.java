package org.taperoom.drivers.audio;

/**
 * Opens a device for full duplex, starts it as an overdub would (a buffer of silence written, one
 * period read) and asks both streams for their delays. Not real-time: for {@code taperoom devices}.
 */
public final class DuplexProbe {
    private DuplexProbe() {}

    public static DuplexReport measure(AudioBackend backend, String device, StreamConfig config) throws AudioDeviceException {
        try (DuplexStreams pair = backend.openDuplex(device, config, config)) {
            pair.capture().start();
            pair.playback().start();
            StreamConfig out = pair.playback().config();
            float[] silence = new float[out.periodFrames() * out.channels()];
            for (int p = 0; p < out.bufferPeriods(); p++) {
                if (pair.playback().writePeriod(silence) == ReadStatus.GONE) throw new AudioDeviceException("device " + device + " went away");
            }
            StreamConfig in = pair.capture().config();
            if (pair.capture().readPeriod(new int[in.periodFrames() * in.channels()]) == ReadStatus.GONE) {
                throw new AudioDeviceException("device " + device + " went away");
            }
            return DuplexReport.of(pair.linked(), pair.note(), in, pair.capture().delayFrames(), pair.playback().delayFrames());
        }
    }
}
