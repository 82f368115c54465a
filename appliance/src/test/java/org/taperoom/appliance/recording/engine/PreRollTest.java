package org.taperoom.appliance.recording.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.appliance.config.Config;
import org.taperoom.appliance.config.RecordingKeys;
import org.taperoom.appliance.recording.take.EndReason;
import org.taperoom.appliance.recording.take.TakeInfo;
import org.taperoom.appliance.recording.take.TakeJson;
import org.taperoom.appliance.recording.take.TakeRef;
import org.taperoom.appliance.recording.writer.RiffReader;
import org.taperoom.appliance.service.RecordingSetup;
import org.taperoom.drivers.sim.SimBackend;
import org.taperoom.drivers.sim.SimSignal;

/** A take started at t holds the audio from t minus the pre-roll, gap-free and sample-continuous. */
class PreRollTest {
    private static final int RATE = 48000;

    @Test
    void aTakeStartsPreRollSecondsBeforeThePressWithNoGapAndNoRepeat(@TempDir Path dir) throws Exception {
        Config config = Recordings.config(dir, 2, RATE, "24").with(RecordingKeys.PRE_ROLL_SECONDS, 2.0);
        SimBackend sim = Recordings.unpaced(SimSignal.INDEX);
        long total = 3L * RATE;
        TakeRef ref;
        long pressFrame;
        try (RecordingEngine engine = RecordingSetup.engine(config, sim)) {
            CompletableFuture<TakeRef> done = new CompletableFuture<>();
            engine.addListener(new RecorderListener() {
                @Override
                public void takeEnded(TakeRef take, EndReason reason, String detail) {
                    done.complete(take);
                }
            });
            engine.start();
            while (engine.captureFrame() < 5L * RATE) Thread.sleep(5); // more than the pre-roll has gone by
            ref = engine.startTake(TakeRequest.everything("test"), total);
            done.get(60, TimeUnit.SECONDS);
        }
        TakeInfo info = TakeJson.read(ref.folder());
        pressFrame = info.startFrame + info.preRollFrames;
        assertEquals(2L * RATE, info.preRollFrames, "the whole pre-roll is there");
        assertTrue(pressFrame >= 5L * RATE, "the press came after 5 s of capture");
        assertEquals(total, info.frames);
        for (int c = 0; c < 2; c++) {
            RiffReader r = new RiffReader(ref.folder().resolve(info.tracks.get(c).file()));
            assertEquals(total, r.frames());
            long modulus = 1L << 23;
            long previous = r.sampleS32(0) >> 8;
            assertEquals(SimSignal.indexValue(c, info.startFrame, 24), previous, "the first sample is the frame the take says");
            for (long i = 1; i < total; i++) {
                long v = r.sampleS32(i) >> 8;
                long step = Math.floorMod(v - previous, modulus);
                if (step != 1) {
                    throw new AssertionError("track " + (c + 1) + ": step " + step + " at frame " + i + " (pre-roll ends at "
                            + info.preRollFrames + ")");
                }
                previous = v;
            }
        }
    }

    @Test
    void aPreRollTooLargeForTheMemoryCapIsRefusedAtStartNamingTheSettings(@TempDir Path dir) {
        Config config = Recordings.config(dir, 64, 96000, "24").with(RecordingKeys.PRE_ROLL_SECONDS, 60.0);
        RecordingEngine engine = RecordingSetup.engine(config, new SimBackend());
        EngineException e = assertThrows(EngineException.class, engine::start);
        assertTrue(e.getMessage().contains("ringMemoryMegabytes") && e.getMessage().contains("preRollSeconds"), e.getMessage());
        assertTrue(e.getMessage().contains("60 s pre-roll"), e.getMessage());
    }
}
