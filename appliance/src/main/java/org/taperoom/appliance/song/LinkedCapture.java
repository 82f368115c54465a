package org.taperoom.appliance.song;

import java.util.List;
import org.taperoom.drivers.audio.AudioBackend;
import org.taperoom.drivers.audio.AudioDeviceException;
import org.taperoom.drivers.audio.CaptureStream;
import org.taperoom.drivers.audio.DeviceInfo;
import org.taperoom.drivers.audio.PlaybackStream;
import org.taperoom.drivers.audio.StreamConfig;

/**
 * The backend the overdub's recording engine opens its device through: the first capture it asks
 * for is the capture half of the full-duplex pair already opened (linked to the playback the song
 * plays on); anything after that (a device that came back) goes to the real backend.
 */
final class LinkedCapture implements AudioBackend {
    private final AudioBackend backend;
    /** The pair's capture until the engine takes it; the engine's control thread only. */
    private CaptureStream paired;

    LinkedCapture(AudioBackend backend, CaptureStream paired) {
        this.backend = backend;
        this.paired = paired;
    }

    @Override
    public List<DeviceInfo> devices() throws AudioDeviceException {
        return backend.devices();
    }

    @Override
    public synchronized CaptureStream openCapture(String deviceName, StreamConfig request) throws AudioDeviceException {
        CaptureStream s = paired;
        if (s == null) return backend.openCapture(deviceName, request);
        paired = null;
        return s;
    }

    @Override
    public boolean present(String deviceName) {
        return backend.present(deviceName);
    }

    @Override
    public PlaybackStream openPlayback(String deviceName, StreamConfig request) throws AudioDeviceException {
        return backend.openPlayback(deviceName, request);
    }
}
