package org.taperoom.appliance.playback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.drivers.audio.AudioBackend;
import org.taperoom.drivers.audio.AudioDeviceException;
import org.taperoom.drivers.audio.CaptureStream;
import org.taperoom.drivers.audio.DeviceInfo;
import org.taperoom.drivers.audio.PlaybackStream;
import org.taperoom.drivers.audio.StreamConfig;
import org.taperoom.drivers.sim.SimBackend;

/** How deep a take's playback queues audio at the output. */
class PlaybackBufferTest {

    @Test
    void aTakesPlaybackQueuesAtLeast85MsAtTheOutputWhateverTheCapturesBuffer(@TempDir Path dir) throws Exception {
        Path take = PlaybackRig.band(dir, 1).dir();
        List<StreamConfig> asked = new ArrayList<>();
        SimBackend sim = new SimBackend();
        AudioBackend outputs = new AudioBackend() {
            @Override
            public List<DeviceInfo> devices() {
                return sim.devices();
            }

            @Override
            public CaptureStream openCapture(String deviceName, StreamConfig request) throws AudioDeviceException {
                return sim.openCapture(deviceName, request);
            }

            @Override
            public PlaybackStream openPlayback(String deviceName, StreamConfig request) throws AudioDeviceException {
                asked.add(request);
                return sim.openPlayback(deviceName, request);
            }
        };
        try (PlaybackService service = new PlaybackService(outputs, "sim", 256, 4)) {
            service.play(take, 0, null, null);
        }
        try (PlaybackService service = new PlaybackService(outputs, "sim", 256, 32)) {
            service.play(take, 0, null, null);
        }
        assertEquals(16, asked.get(0).bufferPeriods(), "4 periods of 256 frames (21 ms) become 16 (85 ms)");
        assertEquals(32, asked.get(1).bufferPeriods(), "a deeper buffer is kept");
    }
}
