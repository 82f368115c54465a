package org.taperoom.appliance.tuner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.taperoom.appliance.dsp.pitch.NoteReading;
import org.taperoom.appliance.dsp.pitch.Tones;
import org.taperoom.appliance.recording.ring.FrameRing;

/**
 * The tuner on its own thread, fed through its tap from a capture ring exactly as the writer
 * thread feeds it: half a second of silence, then a note. The first reading within ±1 cent must
 * cover audio no later than 100 ms after the onset, and every later reading stays within ±1 cent.
 */
class TunerTest {
    private static final int RATE_HZ = 48000;
    private static final int ONSET = RATE_HZ / 2;

    private record Seen(NoteReading reading, long endSample, String thread) {}

    private static List<Seen> tune(float[] tone, int track, double a4Hz) throws Exception {
        int frames = ONSET + tone.length;
        FrameRing ring = new FrameRing(2, FrameRing.capacityFor(frames));
        for (int i = 0; i < tone.length; i++) ring.lane(track)[ONSET + i] = Math.round(tone[i] * 0x1p31f);
        ring.publish(frames);
        TunerTap tap = new TunerTap(track, 1 << 20);
        List<Seen> seen = new CopyOnWriteArrayList<>();
        Tuner tuner = new Tuner(tap, RATE_HZ, a4Hz, (r, end) -> seen.add(new Seen(r, end, Thread.currentThread().getName())));
        tuner.start();
        // The writer thread's part, in its chunks.
        for (long from = 0; from < frames; from += 4096) tap.consume(ring, from, (int) Math.min(4096, frames - from));
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (tap.available() > 0 && System.nanoTime() < deadline) Thread.sleep(10);
        Thread.sleep(50);
        tuner.close();
        return seen;
    }

    private static void assertReadsWithinOneCentInTime(String what, float[] tone, double truthHz, String note) throws Exception {
        List<Seen> seen = tune(tone, 1, 440);
        assertTrue(seen.stream().allMatch(s -> s.endSample() > ONSET), what + ": no reading in the silence before the note");
        assertTrue(seen.stream().allMatch(s -> s.thread().equals("taperoom-tuner")), what + ": readings come from the tuner thread");
        Seen first = null;
        for (Seen s : seen) {
            double err = 1200 * Math.log(s.reading().hz() / truthHz) / Math.log(2);
            if (first == null && Math.abs(err) <= 1) first = s;
            if (first != null) assertTrue(Math.abs(err) <= 1, what + ": a later reading is " + err + " cents off: " + s);
        }
        assertTrue(first != null, what + ": no reading within ±1 cent: " + seen);
        double latencyMs = (first.endSample() - ONSET) * 1000.0 / RATE_HZ;
        System.out.printf("%-18s first reading within ±1 cent %.0f ms after the onset: %s%n", what, latencyMs, first.reading().json());
        assertTrue(latencyMs <= 100, what + ": first good reading " + latencyMs + " ms after the onset");
        assertEquals(note, first.reading().note(), what);
    }

    @Test
    void aSteadyNoteReadsWithinOneCentAndWithin100MsOfItsOnsetFromE1ToC7() throws Exception {
        assertReadsWithinOneCentInTime("E1 sine", Tones.sine(RATE_HZ, Tones.hz(28, 0), 1, 0.3), Tones.hz(28, 0), "E1");
        assertReadsWithinOneCentInTime("E1 bass", Tones.bass(RATE_HZ, Tones.hz(28, 0), 1, 9), Tones.hz(28, 0), "E1");
        assertReadsWithinOneCentInTime("A1 bass +20 cents", Tones.bass(RATE_HZ, Tones.hz(33, 20), 1, 10), Tones.hz(33, 20), "A1");
        assertReadsWithinOneCentInTime("A4 -13 cents", Tones.sine(RATE_HZ, Tones.hz(69, -13), 1, 0.1), Tones.hz(69, -13), "A4");
        assertReadsWithinOneCentInTime("C7 sine", Tones.sine(RATE_HZ, Tones.hz(96, 0), 1, 0.3), Tones.hz(96, 0), "C7");
    }

    /**
     * A writer much faster than the tuner (an unpaced device): the tap drops chunks, and a window
     * spliced across a gap would read the chunk length as a pitch (187.5 Hz for 256 frames at
     * 48 kHz). No reading may span a gap.
     */
    @Test
    void whenTheTapDropsSamplesNoReadingSpansTheGap() throws Exception {
        double truth = Tones.hz(28, 0);
        float[] tone = Tones.sine(RATE_HZ, truth, 4, 0.3);
        FrameRing ring = new FrameRing(1, FrameRing.capacityFor(tone.length));
        for (int i = 0; i < tone.length; i++) ring.lane(0)[i] = Math.round(tone[i] * 0x1p31f);
        ring.publish(tone.length);
        TunerTap tap = new TunerTap(0, 4096);
        List<NoteReading> seen = new CopyOnWriteArrayList<>();
        Tuner tuner = new Tuner(tap, RATE_HZ, 440, (r, end) -> seen.add(r));
        tuner.start();
        for (int chunk = 0; chunk * 256 < tone.length; chunk++) {
            tap.consume(ring, chunk * 256L, Math.min(256, tone.length - chunk * 256));
            if (chunk % 24 == 23) Thread.sleep(15);
        }
        Thread.sleep(100);
        tuner.close();
        assertTrue(tap.dropped() > 0, "the tap dropped samples");
        assertTrue(!seen.isEmpty(), "readings between the gaps");
        for (NoteReading r : seen) {
            assertTrue(Math.abs(1200 * Math.log(r.hz() / truth) / Math.log(2)) <= 1, "a reading spans a gap: " + r.json() + " of " + seen.size());
        }
    }

    @Test
    void theReferencePitchChangesTheCentsNotTheFrequency() throws Exception {
        List<Seen> seen = tune(Tones.sine(RATE_HZ, 432, 0.5, 0.3), 0, 432);
        Seen last = seen.get(seen.size() - 1);
        assertEquals("A4", last.reading().note());
        assertEquals(0, last.reading().cents(), 1);
        assertEquals(432, last.reading().hz(), 432 * 0.0006);
    }
}
