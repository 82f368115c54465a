package org.taperoom.appliance.recording.writer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.appliance.recording.engine.RecorderListener;
import org.taperoom.appliance.recording.engine.RecordingEngine;
import org.taperoom.appliance.recording.engine.Recordings;
import org.taperoom.appliance.recording.engine.TakeRequest;
import org.taperoom.appliance.recording.take.EndReason;
import org.taperoom.appliance.recording.take.TakeInfo;
import org.taperoom.appliance.recording.take.TakeJson;
import org.taperoom.appliance.recording.take.TakeRef;
import org.taperoom.appliance.service.RecordingSetup;
import org.taperoom.drivers.sim.SimSignal;

/** The bext and iXML chunks parse, by a reader written from EBU Tech 3285 and iXML 1.61, and say the right things. */
class BroadcastChunksTest {

    @Test
    void bextAndIxmlNameTheTakeTheTrackTheOriginatorAndTheTimeOfTheFirstSample(@TempDir Path dir) throws Exception {
        int rate = 48000;
        TakeRef ref;
        try (RecordingEngine engine = RecordingSetup.engine(Recordings.config(dir, 3, rate, "24"), Recordings.unpaced(SimSignal.SINE))) {
            java.util.concurrent.CompletableFuture<TakeRef> done = new java.util.concurrent.CompletableFuture<>();
            engine.addListener(new RecorderListener() {
                @Override
                public void takeEnded(TakeRef take, EndReason reason, String detail) {
                    done.complete(take);
                }
            });
            engine.start();
            engine.startTake(new TakeRequest("Dawn chorus", List.of(1, 3), List.of("Left & <mic>", "Right"), "test"), rate / 10);
            ref = done.get(60, java.util.concurrent.TimeUnit.SECONDS);
        }
        TakeInfo info = TakeJson.read(ref.folder());
        assertEquals(2, info.tracks.size());
        assertEquals(3, info.tracks.get(1).input());
        RiffReader r = new RiffReader(ref.folder().resolve(info.tracks.get(0).file()));
        assertEquals(List.of("JUNK", "fmt ", "bext", "iXML", "data"), r.ids(), "chunk order");
        RiffReader.Bext bext = r.bext();
        assertEquals("Dawn chorus / Left & <mic>", bext.description());
        assertEquals("Taperoom", bext.originator());
        assertEquals(ref.id().substring(0, Math.min(32, ref.id().length())), bext.originatorReference());
        OffsetDateTime started = OffsetDateTime.parse(info.started).atZoneSameInstant(ZoneId.systemDefault()).toOffsetDateTime();
        assertEquals(started.toLocalDate().toString(), bext.originationDate());
        assertEquals(started.toLocalTime().format(java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss")), bext.originationTime());
        long expectedRef = started.toLocalTime().toNanoOfDay() * rate / 1_000_000_000L;
        assertTrue(Math.abs(bext.timeReference() - expectedRef) <= 1, "time reference " + bext.timeReference() + " vs " + expectedRef);
        assertEquals(1, bext.version());
        assertTrue(bext.codingHistory().startsWith("A=PCM,F=48000,W=24,M=mono"), bext.codingHistory());
        assertEquals("Left &amp; &lt;mic&gt;", r.ixmlTag("NAME"));
        assertEquals("Dawn chorus", r.ixmlTag("SCENE"));
        assertEquals("1", r.ixmlTag("TRACK_COUNT"));
        assertEquals(String.valueOf(bext.timeReference() & 0xFFFFFFFFL), r.ixmlTag("TIMESTAMP_SAMPLES_SINCE_MIDNIGHT_LO"));
    }
}
