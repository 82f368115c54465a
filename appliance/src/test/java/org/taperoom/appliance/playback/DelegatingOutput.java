package org.taperoom.appliance.playback;

import org.taperoom.drivers.audio.AudioDeviceException;
import org.taperoom.drivers.audio.PlaybackStream;
import org.taperoom.drivers.audio.ReadStatus;
import org.taperoom.drivers.audio.StreamConfig;

/** A seam in front of a real playback stream: passes everything through; subclasses change what they test. */
abstract class DelegatingOutput implements PlaybackStream {
    protected final PlaybackStream real;

    DelegatingOutput(PlaybackStream real) {
        this.real = real;
    }

    @Override
    public void onPlaybackThreadStart() {
        real.onPlaybackThreadStart();
    }

    @Override
    public StreamConfig config() {
        return real.config();
    }

    @Override
    public void start() throws AudioDeviceException {
        real.start();
    }

    @Override
    public ReadStatus writePeriod(int[] src) {
        return real.writePeriod(src);
    }

    @Override
    public ReadStatus writePeriod(float[] src) {
        return real.writePeriod(src);
    }

    @Override
    public long underruns() {
        return real.underruns();
    }

    @Override
    public void close() {
        real.close();
    }
}
