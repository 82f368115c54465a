package org.taperoom.appliance.recording.writer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.appliance.config.RecordingKeys;
import org.taperoom.appliance.recording.engine.RecorderListener;
import org.taperoom.appliance.recording.engine.RecordingEngine;
import org.taperoom.appliance.recording.engine.Recordings;
import org.taperoom.appliance.recording.engine.TakeRequest;
import org.taperoom.appliance.recording.take.EndReason;
import org.taperoom.appliance.recording.take.TakeRef;
import org.taperoom.appliance.service.RecordingSetup;
import org.taperoom.appliance.wav.HookedFileOps;
import org.taperoom.drivers.sim.SimBackend;
import org.taperoom.drivers.sim.SimOptions;
import org.taperoom.drivers.sim.SimSignal;

/**
 * The durability bound rests on the writer itself: while a take runs, every track file gets its
 * size fields rewritten and an fdatasync at least every {@code fsyncIntervalMillis}.
 */
class SyncCadenceTest {
    private static final int SYNC_MILLIS = 200;

    private record Op(long nanos, String kind, long pos) {}

    /** Does every operation and notes it. */
    private static final class Recording extends HookedFileOps {
        final List<Op> ops = new CopyOnWriteArrayList<>();

        @Override
        protected boolean before(String kind, long pos, int bytes) {
            ops.add(new Op(System.nanoTime(), kind.equals("write") ? "write" + bytes : kind, pos));
            return true;
        }
    }

    @Test
    void whileATakeRunsItsFileIsResizedAndFdatasyncedOnTheSyncInterval(@TempDir Path dir) throws Exception {
        Recording ops = new Recording();
        int rate = 48000;
        try (RecordingEngine engine = RecordingSetup.engine(Recordings.config(dir, 1, rate, "24")
                .with(RecordingKeys.FSYNC_INTERVAL_MILLIS, SYNC_MILLIS), new SimBackend(SimOptions.defaults().withSignals(SimSignal.SINE)), ops)) {
            java.util.concurrent.LinkedBlockingQueue<TakeRef> ended = new java.util.concurrent.LinkedBlockingQueue<>();
            engine.addListener(new RecorderListener() {
                @Override
                public void takeEnded(TakeRef take, EndReason reason, String detail) {
                    ended.add(take);
                }
            });
            engine.start();
            // A first short take loads and compiles what creating a take needs, so the measured one starts on time.
            engine.startTake(TakeRequest.everything("warm-up"), rate / 4);
            assertTrue(ended.poll(60, TimeUnit.SECONDS) != null);
            ops.ops.clear();
            engine.startTake(TakeRequest.everything("cadence"), 2L * rate);
            assertTrue(ended.poll(60, TimeUnit.SECONDS) != null);
        }
        // From the sync that creates the file to the truncation that begins finishing it: the recording.
        List<Op> all = ops.ops;
        int created = all.indexOf(all.stream().filter(o -> o.kind().equals("fdatasync")).findFirst().orElseThrow());
        int finishing = all.indexOf(all.stream().filter(o -> o.kind().equals("truncate")).findFirst().orElseThrow());
        long recordingMillis = (all.get(finishing).nanos() - all.get(created).nanos()) / 1_000_000;
        long lastSync = all.get(created).nanos();
        long worstGapMillis = 0;
        int syncs = 0;
        boolean resized = false;
        for (Op o : all.subList(created + 1, finishing)) {
            // The size fields: the data size and the RIFF size at offset 4 (or, in RF64, the ds64 chunk and the id at 0).
            if (o.kind().startsWith("write") && (o.pos() == 4 || o.pos() == 0)) resized = true;
            if (!o.kind().equals("fdatasync")) continue;
            assertTrue(resized, "an fdatasync without a size rewrite before it: " + all);
            resized = false;
            syncs++;
            worstGapMillis = Math.max(worstGapMillis, (o.nanos() - lastSync) / 1_000_000);
            lastSync = o.nanos();
        }
        System.out.printf("%d fdatasyncs while recording for %d ms at a %d ms interval; longest gap %d ms%n", syncs, recordingMillis,
                SYNC_MILLIS, worstGapMillis);
        // About recordingMillis / SYNC_MILLIS are due. A machine loaded enough to stall the writer (load
        // average 26 on 2 cores here) may cost some of them: at least half must be there.
        assertTrue(syncs >= recordingMillis / SYNC_MILLIS / 2, syncs + " fdatasyncs while recording for " + recordingMillis + " ms");
    }
}
