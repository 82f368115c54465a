package org.taperoom.appliance.recording.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.appliance.recording.take.TakeInfo;
import org.taperoom.appliance.recording.take.TakeJson;
import org.taperoom.appliance.recording.take.TakeRef;
import org.taperoom.appliance.recording.writer.ExternalReaders;
import org.taperoom.appliance.recording.writer.RiffReader;
import org.taperoom.appliance.service.RecordingSetup;
import org.taperoom.drivers.sim.SimBackend;
import org.taperoom.drivers.sim.SimOptions;
import org.taperoom.drivers.sim.SimSignal;

/** Markers reach take.json and a cue chunk with labels in every track file; clipping marks itself. */
class MarkerTest {

    @Test
    void markersAreInTakeJsonAndInTheCueChunkOfEveryTrackWithTheirLabels(@TempDir Path dir) throws Exception {
        SimBackend sim = new SimBackend(SimOptions.defaults().withSignals(SimSignal.SINE));
        TakeRef ref;
        try (RecordingEngine engine = RecordingSetup.engine(Recordings.config(dir, 3, 48000, "24"), sim)) {
            engine.start();
            assertFalse(engine.addMarker("too early"), "no take, no marker");
            ref = engine.startTake(TakeRequest.everything("test"));
            Thread.sleep(300);
            assertTrue(engine.addMarker("verse", "button"));
            Thread.sleep(300);
            assertTrue(engine.addMarker("chorus ünïcode", "panel"));
            Thread.sleep(300);
            engine.stopTake();
        }
        TakeInfo info = TakeJson.read(ref.folder());
        List<TakeInfo.Marker> user = info.markers.stream().filter(m -> !m.source().equals("clip")).toList();
        assertEquals(List.of("verse", "chorus ünïcode"), user.stream().map(TakeInfo.Marker::label).toList());
        assertEquals(List.of("button", "panel"), user.stream().map(TakeInfo.Marker::source).toList());
        long first = user.get(0).frame();
        long second = user.get(1).frame();
        assertTrue(first > 0.2 * 48000 && first < info.frames, "verse at " + first);
        assertTrue(second - first > 0.2 * 48000, "chorus about 0.3 s after verse: " + (second - first));
        for (TakeInfo.Track t : info.tracks) {
            RiffReader r = new RiffReader(ref.folder().resolve(t.file()));
            assertEquals(List.of(first, second), r.cues().stream().map(RiffReader.Cue::sampleOffset).toList(), t.file());
            assertEquals(List.of("verse", "chorus ünïcode"), r.cues().stream().map(RiffReader.Cue::label).toList(), t.file());
            assertEquals(info.frames, ExternalReaders.soxi(ref.folder().resolve(t.file())).samples(), "sox still reads " + t.file());
            assertEquals(info.frames, ExternalReaders.ffprobe(ref.folder().resolve(t.file())).durationTs());
        }
    }

    @Test
    void clippingDropsAMarkerAtTheFirstClippedSampleOfTheInput(@TempDir Path dir) throws Exception {
        SimBackend sim = new SimBackend(SimOptions.defaults().withSignals(SimSignal.SINE));
        TakeRef ref;
        try (RecordingEngine engine = RecordingSetup.engine(Recordings.config(dir, 2, 48000, "24"), sim)) {
            engine.start();
            ref = engine.startTake(TakeRequest.everything("test"));
            Thread.sleep(300);
            sim.gains().setGainDb(1, 12); // input 2's -6 dBFS sine driven 12 dB over from the next period
            Thread.sleep(300);
            engine.stopTake();
        }
        TakeInfo info = TakeJson.read(ref.folder());
        List<TakeInfo.Marker> clips = info.markers.stream().filter(m -> m.source().equals("clip")).toList();
        assertEquals(1, clips.size(), "one clip marker per input per second: " + info.markers);
        assertEquals("clip on input 2", clips.get(0).label());
        RiffReader r = new RiffReader(ref.folder().resolve(info.tracks.get(1).file()));
        long at = clips.get(0).frame();
        int top = 0x7FFFFF00;
        assertTrue(r.sampleS32(at) >= top || r.sampleS32(at) == Integer.MIN_VALUE, "the sample at the marker is full scale");
        for (long i = Math.max(0, at - 2000); i < at; i++) {
            assertTrue(r.sampleS32(i) < top && r.sampleS32(i) != Integer.MIN_VALUE, "no clip before the marker (frame " + i + ")");
        }
    }
}
