package org.taperoom.appliance.dsp.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the analysis of a recording found. Null where it could not tell (no beat in silence, no
 * key in a drum solo, no meter when neither 3/4 nor 4/4 stands out).
 *
 * @param tempoBpm      mean tempo over the tracked beats, or null
 * @param beatsSeconds  beat times
 * @param timeSignature "3/4", "4/4" or null
 * @param key           e.g. "A minor", or null
 * @param keyConfidence correlation of the pitch-class distribution with the key's profile, 0–1, or null
 * @param chords        consecutive chord spans covering the recording, "N" where there is none
 */
public record MusicAnalysis(Double tempoBpm, double[] beatsSeconds, String timeSignature, String key, Double keyConfidence,
                            List<ChordSpan> chords) {

    /** One chord from {@code startSeconds} to {@code endSeconds}: {@code C}, {@code F#m}, {@code Bb} or {@code N}. */
    public record ChordSpan(double startSeconds, double endSeconds, String chord) {}

    /** The longest progression offered when the chords do not repeat, and the longest cycle looked for. */
    private static final int MAX_PROGRESSION = 16, MAX_CYCLE = 8;
    /** Share of chords a cycle must predict one cycle on for the chords to count as repeating it. */
    private static final double CYCLE_AGREEMENT = 0.75;

    /**
     * The progression to offer a song sheet: the chords as played, without no-chord and without
     * repeats of the same chord; when they repeat a cycle of up to 8 chords at least twice (three in
     * four chords equal to the chord one cycle on), that cycle once, each place's most frequent
     * chord; otherwise the first 16.
     */
    public List<String> progression() {
        List<String> played = new ArrayList<>();
        for (ChordSpan c : chords) {
            if (c.chord().equals("N")) continue;
            if (played.isEmpty() || !played.get(played.size() - 1).equals(c.chord())) played.add(c.chord());
        }
        for (int cycle = 1; cycle <= MAX_CYCLE && 2 * cycle <= played.size(); cycle++) {
            int same = 0;
            for (int i = 0; i + cycle < played.size(); i++) if (played.get(i).equals(played.get(i + cycle))) same++;
            if (same < CYCLE_AGREEMENT * (played.size() - cycle)) continue;
            List<String> out = new ArrayList<>(cycle);
            for (int place = 0; place < cycle; place++) {
                Map<String, Integer> votes = new LinkedHashMap<>();
                for (int i = place; i < played.size(); i += cycle) votes.merge(played.get(i), 1, Integer::sum);
                out.add(votes.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey());
            }
            return out;
        }
        return List.copyOf(played.subList(0, Math.min(MAX_PROGRESSION, played.size())));
    }

    /** The keys {@code taperoom analyze --json} adds (part of the contract). */
    public Map<String, Object> toJsonMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tempo_bpm", tempoBpm == null ? null : Math.round(tempoBpm * 100) / 100.0);
        List<Double> beats = new ArrayList<>(beatsSeconds.length);
        for (double b : beatsSeconds) beats.add(Math.round(b * 1000) / 1000.0);
        m.put("beats_seconds", beats);
        m.put("time_signature", timeSignature);
        m.put("key", key);
        m.put("key_confidence", keyConfidence == null ? null : Math.round(keyConfidence * 1000) / 1000.0);
        List<Map<String, Object>> cs = new ArrayList<>();
        for (ChordSpan c : chords) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("start_seconds", Math.round(c.startSeconds() * 1000) / 1000.0);
            one.put("end_seconds", Math.round(c.endSeconds() * 1000) / 1000.0);
            one.put("chord", c.chord());
            cs.add(one);
        }
        m.put("chords", cs);
        return m;
    }
}
