package org.taperoom.appliance.recording.rolling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.appliance.config.AlwaysOnKeys;
import org.taperoom.appliance.config.Config;
import org.taperoom.appliance.config.RecordingKeys;
import org.taperoom.appliance.control.Rig;
import org.taperoom.appliance.control.TransportState;
import org.taperoom.appliance.recording.take.TakeInfo;
import org.taperoom.appliance.recording.take.TakeJson;
import org.taperoom.appliance.recording.take.TakeRef;
import org.taperoom.appliance.recording.writer.RiffReader;
import org.taperoom.drivers.sim.SimBackend;
import org.taperoom.drivers.sim.SimOptions;
import org.taperoom.drivers.sim.SimSignal;

/**
 * Always-on capture on the real engine (index signal, Pi4J mock board): a press keeps the minutes
 * before it, sample-continuous with the take; the buffer stays within its length; it survives a
 * restart. Minutes are scaled down to seconds (the keys take fractions of a minute).
 */
class AlwaysOnTest {
    private static final int RATE = 48000;
    private static final int RECORD = 17;
    private static final int MARKER = 27;

    @TempDir
    Path dir;

    private Config config() {
        return Rig.baseConfig(dir)
                .with(AlwaysOnKeys.ALWAYS_ON, true)
                .with(AlwaysOnKeys.BUFFER_MINUTES, 0.075) // 4.5 s
                .with(AlwaysOnKeys.KEEP_MINUTES, 0.05) // 3 s
                .with(AlwaysOnKeys.SEGMENT_SECONDS, 1)
                .with(RecordingKeys.PRE_ROLL_SECONDS, 1.0);
    }

    private static SimBackend index() {
        return new SimBackend(SimOptions.defaults().withSignals(SimSignal.INDEX));
    }

    private long bufferBytes() throws Exception {
        try (Stream<Path> s = Files.list(dir.resolve(AlwaysOn.FOLDER))) {
            return s.mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static long indexAt(RiffReader r, long i) {
        return r.sampleS32(i) >> 8;
    }

    @Test
    void aPressKeepsTheSecondsBeforeItSampleContinuousWithTheTakeAndItsMarkers() throws Exception {
        try (Rig rig = new Rig(config(), index())) {
            Thread.sleep(6000);
            long bytes = bufferBytes();
            System.out.printf("always-on: buffer holds %.2f s after 6 s (length 4.5 s)%n", bytes / (8.0 * RATE));
            assertTrue(bytes <= Math.round(4.5 * RATE) * 8, "the buffer outgrew its length: " + bytes + " bytes");

            rig.press(RECORD, 30);
            rig.awaitState(TransportState.RECORDING);
            TakeRef take = rig.control.transport().view().take();
            Thread.sleep(500);
            rig.press(MARKER, 30);
            Thread.sleep(300);
            rig.press(RECORD, 30);
            rig.awaitState(TransportState.IDLE);
            rig.alwaysOn.drain();

            TakeInfo info = TakeJson.read(take.folder());
            assertEquals(2L * RATE, ((Number) info.extra().get("alwaysOnFrames")).longValue(), "3 s kept, 1 s of it from the RAM pre-roll");
            assertEquals(3L * RATE, info.preRollFrames);
            for (int ch = 0; ch < 2; ch++) {
                RiffReader r = new RiffReader(take.folder().resolve(info.tracks.get(ch).file()));
                assertEquals(info.frames, r.frames());
                for (long i = 0; i < r.frames(); i++) {
                    long want = SimSignal.indexValue(ch, info.startFrame + i, 24);
                    if (indexAt(r, i) != want) {
                        throw new AssertionError("channel " + (ch + 1) + " frame " + i + ": " + indexAt(r, i) + ", expected " + want
                                + " (history ends at " + 2 * RATE + ", pre-roll at " + info.preRollFrames + ")");
                    }
                }
                List<RiffReader.Cue> cues = r.cues();
                TakeInfo.Marker button = info.markers.stream().filter(m -> m.source().equals("button")).findFirst().orElseThrow();
                assertTrue(cues.stream().anyMatch(c -> c.sampleOffset() == button.frame() && c.label().equals("marker (button)")),
                        "the marker moved with the history: " + cues + " vs " + button);
                assertTrue(button.frame() > info.preRollFrames);
            }
            try (Stream<Path> s = Files.list(take.folder())) {
                assertEquals(0, s.filter(p -> p.toString().endsWith(".tmp")).count(), "no temporary file left");
            }
        }
    }

    @Test
    void theBufferSurvivesARestartAndAPressAfterItKeepsWhatCameBefore() throws Exception {
        try (Rig before = new Rig(config(), index())) {
            Thread.sleep(4000);
        }
        try (Rig after = new Rig(config(), index())) {
            Thread.sleep(300);
            after.press(RECORD, 30);
            after.awaitState(TransportState.RECORDING);
            TakeRef take = after.control.transport().view().take();
            Thread.sleep(300);
            after.press(RECORD, 30);
            after.awaitState(TransportState.IDLE);
            after.alwaysOn.drain();

            TakeInfo info = TakeJson.read(take.folder());
            TakeInfo.Marker gap = info.markers.stream().filter(m -> m.source().equals("always-on")).findFirst().orElseThrow();
            long kept = ((Number) info.extra().get("alwaysOnFrames")).longValue();
            System.out.printf("always-on across a restart: kept %.2f s, restart at take frame %d, RAM pre-roll %.2f s%n",
                    kept / (double) RATE, gap.frame(), (info.preRollFrames - kept) / (double) RATE);
            // How much each side holds depends on how long each engine really captured on a loaded machine.
            assertTrue(kept > 0 && info.preRollFrames <= 3L * RATE, "history from before the restart, at most 3 s in all");
            assertEquals(kept, gap.frame(), "the restart lies between the kept history and this session's frames");
            RiffReader r = new RiffReader(take.folder().resolve(info.tracks.get(0).file()));
            for (long i = 1; i < gap.frame(); i++) {
                assertEquals(indexAt(r, i - 1) + 1, indexAt(r, i), "before the restart, frame " + i);
            }
            long sessionStart = info.startFrame + gap.frame();
            for (long i = gap.frame(); i < r.frames(); i++) {
                assertEquals(SimSignal.indexValue(0, sessionStart + (i - gap.frame()), 24), indexAt(r, i), "after the restart, frame " + i);
            }
            assertTrue(r.cues().stream().anyMatch(c -> c.sampleOffset() == gap.frame()), "the restart is a cue point too");
        }
    }
}
