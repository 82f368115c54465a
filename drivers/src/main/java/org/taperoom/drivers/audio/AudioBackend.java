package org.taperoom.drivers.audio;

import java.util.List;

/**
 * A family of audio devices: the simulator, or ALSA. The engine only sees this interface.
 */
public interface AudioBackend {

    /** Every device this backend can open, with its capabilities. */
    List<DeviceInfo> devices() throws AudioDeviceException;

    /** Opens a capture stream; the exception names what the device supports when the request does not fit. */
    CaptureStream openCapture(String deviceName, StreamConfig request) throws AudioDeviceException;

    /**
     * Whether the device is there now, found cheaply (without starting it): the engine asks this
     * while it waits for a device to appear or come back, before it tries to open it. By default
     * always (the simulator is always there).
     */
    default boolean present(String deviceName) {
        return true;
    }

    /** Opens a playback stream. */
    PlaybackStream openPlayback(String deviceName, StreamConfig request) throws AudioDeviceException;

    /**
     * Opens capture and playback of one interface for full duplex, linked where the backend can
     * link them (see {@link DuplexStreams}). By default the two are opened apart, unlinked.
     */
    default DuplexStreams openDuplex(String deviceName, StreamConfig captureRequest, StreamConfig playbackRequest)
            throws AudioDeviceException {
        CaptureStream capture = openCapture(deviceName, captureRequest);
        try {
            return new DuplexStreams(capture, openPlayback(deviceName, playbackRequest), false, "this backend cannot link streams");
        } catch (AudioDeviceException | RuntimeException e) {
            capture.close();
            throw e;
        }
    }
}
