package org.taperoom.appliance.recording.recover;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.taperoom.appliance.recording.take.EndReason;
import org.taperoom.appliance.recording.take.TakeRef;
import org.taperoom.appliance.recording.ring.FrameRing;
import org.taperoom.appliance.recording.take.EndReason;
import org.taperoom.appliance.recording.take.TakeInfo;
import org.taperoom.appliance.recording.take.TakeRef;
import org.taperoom.appliance.recording.writer.TakeWriter;
import org.taperoom.appliance.wav.BextInfo;
import org.taperoom.appliance.wav.FileOps;
import org.taperoom.appliance.wav.WordFormat;

/**
 * One small take written straight through {@link TakeWriter}, the same operations every time:
 * two 24-bit tracks, syncs every {@link #CHUNK_FRAMES} frames with markers in between, a switch
 * to RF64 after the second sync (at a 40 kB threshold), an odd-sized data chunk, then stop and
 * finish. Deterministic, so the Nth file operation is the same step in every run.
 */
final class FinishScenario {
    static final int RATE = 48000;
    static final int TRACKS = 2;
    /** Odd: 24-bit mono data of an odd frame count needs a pad byte. */
    static final long FRAMES = 30_001;
    static final int CHUNK_FRAMES = 7_000;
    static final long RF64_THRESHOLD_BYTES = 40_000;
    static final String FOLDER = "2026-12-07/120000-kill";

    /** What the run got through: frames durably synced (with the operation count when the sync returned), finish reached. */
    final List<long[]> syncs = new ArrayList<>();
    long finishStartsAtOperation = -1;

    /** The sample the scenario writes for track {@code c} at frame {@code f}: distinct, 24-bit, left-justified. */
    static int sample(int c, long f) {
        return (int) ((f * 7919 + c * 104_729 + 12_345) & 0xFFFFFF) << 8;
    }

    static Path folder(Path library) {
        return library.resolve(FOLDER);
    }

    /** Runs the take in {@code library}; {@code operations} reports how many operations {@code ops} has done. */
    void run(Path library, FileOps ops, java.util.function.LongSupplier operations) throws Exception {
        Path folder = folder(library);
        Files.createDirectories(folder);
        FrameRing ring = new FrameRing(TRACKS, FrameRing.capacityFor(FRAMES + 1));
        for (int c = 0; c < TRACKS; c++) {
            int[] lane = ring.lane(c);
            for (long f = 0; f < FRAMES; f++) lane[(int) (f & ring.mask())] = sample(c, f);
        }
        ring.publish(FRAMES);
        TakeInfo info = new TakeInfo();
        info.name = "kill";
        LocalDateTime first = LocalDateTime.of(2026, 12, 7, 12, 0, 0);
        info.started = OffsetDateTime.of(first, ZoneId.systemDefault().getRules().getOffset(first)).toString();
        info.rateHz = RATE;
        info.bits = "24";
        info.deviceChannels = TRACKS;
        List<BextInfo> bext = new ArrayList<>();
        for (int t = 0; t < TRACKS; t++) {
            info.tracks.add(new TakeInfo.Track(String.format("%02d-in-%d.wav", t + 1, t + 1), t + 1, "In " + (t + 1)));
            bext.add(new BextInfo("kill / In " + (t + 1), "Taperoom", "kill", first, 43_200L * RATE, "In " + (t + 1), "kill", RATE));
        }
        ByteBuffer scratch = ByteBuffer.allocateDirect(CHUNK_FRAMES * 4 + 1).order(ByteOrder.LITTLE_ENDIAN);
        TakeWriter w = TakeWriter.create(new TakeRef("2026-12-07_120000-kill", folder), info, new int[] {0, 1}, bext,
                WordFormat.PCM24, 0, Long.MAX_VALUE, RF64_THRESHOLD_BYTES, true, ops);
        long written = 0;
        int marker = 0;
        while (written < FRAMES - CHUNK_FRAMES) {
            w.addMarker(written + CHUNK_FRAMES / 2, "marker " + ++marker, "test");
            written += w.writeFrom(ring, written + CHUNK_FRAMES, CHUNK_FRAMES, scratch);
            w.sync();
            syncs.add(new long[] {operations.getAsLong(), written});
        }
        w.addMarker(FRAMES - 1, "last", "test");
        w.stopAt(FRAMES);
        w.writeFrom(ring, FRAMES, CHUNK_FRAMES, scratch);
        finishStartsAtOperation = operations.getAsLong();
        w.finish(EndReason.STOPPED, null);
    }

    /** Frames that must survive a kill before operation {@code k}: all once finishing began, else the last sync's. */
    long mustSurvive(long k) {
        if (finishStartsAtOperation >= 0 && k >= finishStartsAtOperation) return FRAMES;
        long frames = 0;
        for (long[] s : syncs) if (s[0] <= k) frames = s[1];
        return frames;
    }
}
