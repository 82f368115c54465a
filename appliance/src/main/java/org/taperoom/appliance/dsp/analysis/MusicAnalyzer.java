package org.taperoom.appliance.dsp.analysis;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.taperoom.appliance.dsp.audiofile.SoundFileException;
import org.taperoom.appliance.music.ChordSymbol;
import org.taperoom.appliance.music.Key;

/**
 * Tempo, beats, meter, key and chords of a recording, on the appliance: decimate to about
 * 11 kHz, then two short-time spectra (512-point frames every 128 samples for onsets, 4096 every
 * 1024 for chroma) feed {@link TempoEstimator} + {@link BeatTracker}, {@link MeterFinder},
 * {@link ChordTracker} and {@link KeyFinder}. Runs on the caller's thread.
 */
public final class MusicAnalyzer {
    /** Below this a chord span is merged into its neighbour: shorter than any chord one can play. */
    private static final double MIN_CHORD_SECONDS = 0.25;

    /** Beats are tracked on onsets below this frequency: everything but cymbal air. */
    private static final double FULL_BAND_HZ = 5000;
    /** The beat level is judged below this frequency: kick, snare, bass, chords and melody, not the hi-hat. */
    private static final double LEVEL_BAND_HZ = 1500;

    /** Kick drum and bass, whose onsets mark the strong beats of a bar. */
    private static final double BASS_BAND_HZ = 200;

    private MusicAnalyzer() {}

    public static MusicAnalysis analyze(Path file) throws SoundFileException {
        return analyze(Signal.read(file));
    }

    public static MusicAnalysis analyze(Signal signal) {
        OnsetEnvelope[] bands = OnsetEnvelope.of(signal, FULL_BAND_HZ, LEVEL_BAND_HZ, BASS_BAND_HZ);
        OnsetEnvelope env = bands[0];
        Chromagram chroma = Chromagram.of(signal);
        TempoEstimator.Result tempo = TempoEstimator.estimate(env, bands[1]);
        double[] beatFrames = tempo.beatFrames();
        double[] beats = new double[beatFrames.length];
        for (int i = 0; i < beats.length; i++) beats[i] = beatFrames[i] / env.frameRateHz();
        Double bpm = tempo.periodFrames() > 0 ? 60 * env.frameRateHz() / tempo.periodFrames() : null;
        String meter = beatFrames.length > 0 ? MeterFinder.find(env, bands[2], chroma, beatFrames) : null;
        List<ChordTracker.Segment> segments = ChordTracker.track(chroma);
        KeyFinder.Result k = KeyFinder.find(chroma, segments);
        Key key = k == null ? null : Key.of(k.tonicPc(), k.minor());
        List<MusicAnalysis.ChordSpan> chords = spans(segments, chroma.frameRateHz(), signal.seconds(), key == null ? Key.of(0, false) : key);
        return new MusicAnalysis(bpm, beats, meter, key == null ? null : key.displayName(),
                k == null ? null : Math.max(0, k.correlation()), chords);
    }

    /** Segments as spans in seconds (frame i covers i ± ½ hop), spelled for the key, very short ones merged. */
    private static List<MusicAnalysis.ChordSpan> spans(List<ChordTracker.Segment> segments, double frameRateHz, double seconds, Key key) {
        List<MusicAnalysis.ChordSpan> out = new ArrayList<>();
        for (ChordTracker.Segment s : segments) {
            double start = Math.max(0, (s.fromFrame() - 0.5) / frameRateHz);
            double end = Math.min(seconds, (s.toFrame() - 0.5) / frameRateHz);
            if (end <= start) continue;
            String name = s.state() == ChordTracker.NO_CHORD ? "N" : ChordSymbol.triad(s.state() % 12, s.state() >= 12, key);
            MusicAnalysis.ChordSpan last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && (last.chord().equals(name) || end - start < MIN_CHORD_SECONDS)) {
                out.set(out.size() - 1, new MusicAnalysis.ChordSpan(last.startSeconds(), end, last.chord()));
            } else {
                out.add(new MusicAnalysis.ChordSpan(start, end, name));
            }
        }
        return out;
    }
}
