package org.taperoom.appliance.recording.writer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.appliance.recording.engine.Recordings;
import org.taperoom.appliance.recording.take.TakeInfo;
import org.taperoom.drivers.audio.AudioBackend;
import org.taperoom.drivers.audio.AudioDeviceException;
import org.taperoom.drivers.audio.CaptureStream;
import org.taperoom.drivers.audio.DeviceInfo;
import org.taperoom.drivers.audio.PlaybackStream;
import org.taperoom.drivers.audio.SampleFormat;
import org.taperoom.drivers.audio.StreamConfig;
import org.taperoom.drivers.sim.SimBackend;
import org.taperoom.drivers.sim.SimOptions;
import org.taperoom.drivers.sim.SimSignal;

/**
 * A device that cannot deliver the files' word length (an interface that only does 24 or 32 bits,
 * recorded into 16-bit files) is narrowed by rounding to the nearest step, held at full scale:
 * what sox and ffmpeg read back is round(s / 2^16) of every sample the device gave.
 */
class NarrowingTest {

    /** The simulator as an interface without the files' format: asked for it, it refuses; left to choose, it gives {@code offers}. */
    private record Without(SimBackend sim, SampleFormat refuses, SampleFormat offers) implements AudioBackend {
        @Override
        public List<DeviceInfo> devices() throws AudioDeviceException {
            return sim.devices();
        }

        @Override
        public CaptureStream openCapture(String deviceName, StreamConfig request) throws AudioDeviceException {
            if (request.format() == refuses) throw new AudioDeviceException("no " + refuses + " on this interface");
            SampleFormat f = request.format() == null ? offers : request.format();
            return sim.openCapture(deviceName, new StreamConfig(request.channels(), request.rateHz(), request.periodFrames(),
                    request.bufferPeriods(), f));
        }

        @Override
        public PlaybackStream openPlayback(String deviceName, StreamConfig request) throws AudioDeviceException {
            return sim.openPlayback(deviceName, request);
        }
    }

    @Test
    void a32BitDeviceRecordedInto16BitFilesIsRoundedToTheNearestStepAndHeldAtFullScale(@TempDir Path dir) throws Exception {
        narrowed(dir, SampleFormat.S32_LE, 32);
    }

    @Test
    void a24BitDeviceRecordedInto16BitFilesIsRoundedToTheNearestStep(@TempDir Path dir) throws Exception {
        narrowed(dir, SampleFormat.S24_3LE, 24);
    }

    private void narrowed(Path dir, SampleFormat device, int deviceBits) throws Exception {
        int rate = 48000;
        SimBackend sim = new SimBackend(SimOptions.defaults().withPaced(false).withSignals(SimSignal.NOISE, SimSignal.SINE));
        Recordings.Ended ended = Recordings.record(Recordings.config(dir, 2, rate, "16"), sim,
                rate / 2, new Without(sim, SampleFormat.S16_LE, device));
        TakeInfo info = ended.info();
        assertEquals(device, sim.lastCapture().config().format(), "the device delivered its own format");
        int differFromTruncation = 0;
        for (int c = 0; c < 2; c++) {
            Path file = ended.ref().folder().resolve(info.tracks.get(c).file());
            assertEquals(16, ExternalReaders.soxi(file).bits());
            int[] decoded = ExternalReaders.ffmpegDecode(file);
            assertEquals(info.frames, decoded.length);
            List<String> wrong = new ArrayList<>();
            for (int i = 0; i < decoded.length; i++) {
                int s = Recordings.expected(sim.options(), c, info.startFrame + i, rate, deviceBits);
                long rounded = Math.min(Short.MAX_VALUE, Math.floorDiv((long) s + 0x8000, 0x10000));
                if (rounded != (s >> 16)) differFromTruncation++;
                if (decoded[i] >> 16 != rounded && wrong.size() < 5) wrong.add("frame " + i + ": " + (decoded[i] >> 16) + ", not " + rounded);
            }
            assertEquals(List.of(), wrong, file.getFileName() + " rounded");
        }
        System.out.printf("%d-bit device into 16-bit files: %d of %d samples differ from truncation%n", deviceBits, differFromTruncation,
                2 * info.frames);
    }
}
