package org.taperoom.appliance.recording.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.appliance.recording.take.EndReason;
import org.taperoom.appliance.recording.take.TakeInfo;
import org.taperoom.appliance.recording.writer.ExternalReaders;
import org.taperoom.appliance.recording.writer.RiffReader;
import org.taperoom.drivers.sim.SimBackend;
import org.taperoom.drivers.sim.SimOptions;
import org.taperoom.drivers.sim.SimSignal;

/** Injected overruns and a vanishing device leave valid files and are written down in take.json. */
class FaultInjectionTest {
    private static final int RATE = 48000;

    @Test
    void anOverrunIsRecordedAtItsSamplePositionAndTheFilesStayValid(@TempDir Path dir) throws Exception {
        SimBackend sim = new SimBackend(SimOptions.defaults().withSignals(SimSignal.INDEX).withOverrun(24_000, 256));
        Recordings.Ended ended = Recordings.record(Recordings.config(dir, 2, RATE, "24"), sim, RATE);
        TakeInfo info = ended.info();
        assertEquals(EndReason.DURATION, ended.reason(), "the take reached its length");
        assertEquals(1, info.overruns.size(), "overruns in take.json: " + info.overruns);
        TakeInfo.Overrun o = info.overruns.get(0);
        assertEquals("device", o.kind());
        long gap = o.frame();
        // The overrun fires on the first read starting at or after device frame 24000 (a period boundary).
        long firstReadAfter = (24_000 + 255) / 256 * 256;
        assertEquals(firstReadAfter - info.startFrame, gap, "the gap is where the device lost the frames");
        assertTrue(info.markers.stream().anyMatch(m -> m.frame() == gap && m.source().equals("overrun")), "an overrun marker: " + info.markers);
        for (int c = 0; c < 2; c++) {
            Path file = ended.ref().folder().resolve(info.tracks.get(c).file());
            assertEquals(RATE, ExternalReaders.soxi(file).samples());
            RiffReader r = new RiffReader(file);
            for (long i = 0; i < RATE; i++) {
                long deviceFrame = info.startFrame + i + (i >= gap ? 256 : 0);
                long want = org.taperoom.drivers.sim.SimSignal.indexValue(c, deviceFrame, 24);
                long got = r.sampleS32(i) >> 8;
                if (want != got) assertEquals(want, got, "track " + (c + 1) + " frame " + i + " (gap at " + gap + ")");
            }
            assertTrue(r.cues().stream().anyMatch(q -> q.sampleOffset() == gap && "overrun".equals(q.label())), "cue at the gap: " + r.cues());
        }
    }

    @Test
    void aVanishingDeviceEndsTheTakeWithEverythingCapturedBeforeItValid(@TempDir Path dir) throws Exception {
        SimBackend sim = new SimBackend(SimOptions.defaults().withSignals(SimSignal.INDEX, SimSignal.NOISE).withVanishAt(24_000));
        Recordings.Ended ended = Recordings.record(Recordings.config(dir, 2, RATE, "16"), sim, 10L * RATE);
        TakeInfo info = ended.info();
        assertEquals(EndReason.DEVICE_GONE, ended.reason());
        assertEquals(EndReason.DEVICE_GONE, info.endReason);
        assertTrue(info.error.contains("disappeared"), info.error);
        assertEquals(TakeInfo.COMPLETE, info.state);
        long vanishRead = (24_000 + 255) / 256 * 256;
        assertEquals(vanishRead - info.startFrame, info.frames, "every frame read before the device vanished");
        for (int c = 0; c < 2; c++) {
            Path file = ended.ref().folder().resolve(info.tracks.get(c).file());
            assertEquals(info.frames, ExternalReaders.soxi(file).samples());
            assertEquals(info.frames, ExternalReaders.ffprobe(file).durationTs());
            RiffReader r = new RiffReader(file);
            for (long i = 0; i < info.frames; i++) {
                int want = Recordings.expected(sim.options(), c, info.startFrame + i, RATE, 16);
                if (want != r.sampleS32(i)) assertEquals(want, r.sampleS32(i), "track " + (c + 1) + " frame " + i);
            }
        }
    }
}
