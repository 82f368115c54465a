package org.taperoom.appliance.dsp.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The settings documents: defaults, round trip, and one-line errors that name the key. */
class RenderSettingsTest {
    private static String error(String json) {
        return assertThrows(SettingsException.class, () -> RenderSettings.parse(json)).getMessage();
    }

    @Test
    void anEmptyDocumentMeansTheDefaults() throws Exception {
        RenderSettings s = RenderSettings.parse("{}");
        assertEquals(RenderSettings.DEFAULT, s);
        assertEquals(-14, s.master().targetLufs());
        assertEquals(-1, s.master().ceilingDbtp());
    }

    @Test
    void aDocumentSurvivesARoundTrip() throws Exception {
        RenderSettings s = RenderSettings.parse("""
                {"mix": {"tempo_bpm": 96, "tracks": {"bass": {"fader_db": "-inf", "pan": -0.4,
                   "eq": {"high_pass": {"on": true, "frequency_hz": 35}, "peak_1": {"gain_db": -3, "frequency_hz": 250, "q": 2}},
                   "compressor": {"on": true, "detection": "peak", "ratio": 6}}},
                   "delay": {"sync": "1/8d", "feedback": 0.4}},
                 "master": {"preset": "custom", "target_lufs": -20, "glue": {"on": true}},
                 "tags": {"title": "x"}, "output": {"sample_format": "s16", "tail_seconds": 2}}""");
        assertEquals(s, RenderSettings.parse(s.toJsonText()));
        assertEquals(Double.NEGATIVE_INFINITY, s.mix().track("01-bass", "bass").faderDb());
        assertEquals(562.5, s.mix().delay().effectiveTimeMs(80), 1e-9);
    }

    @Test
    void anUnknownKeyIsNamedWithItsPathAndTheClosestKnownKey() {
        String m = error("{\"mix\": {\"tracks\": {\"bass\": {\"fader\": -3}}}}");
        assertTrue(m.startsWith("mix.tracks.bass.fader: unknown key (did you mean fader_db?)"), m);
        assertEquals(1, m.lines().count());
    }

    @Test
    void aWrongTypeIsNamed() {
        String m = error("{\"master\": {\"ceiling_dbtp\": \"-1\"}}");
        assertTrue(m.startsWith("master.ceiling_dbtp: expected a number from -20 to 0, got the string \"-1\""), m);
    }

    @Test
    void anOutOfRangeValueIsNamedWithTheRange() {
        String m = error("{\"mix\": {\"tracks\": {\"gtr\": {\"fader_db\": 20}}}}");
        assertTrue(m.startsWith("mix.tracks.gtr.fader_db: 20 is out of range; expected -144 to 12 dB or \"-inf\""), m);
        String q = error("{\"mix\": {\"tracks\": {\"gtr\": {\"eq\": {\"peak_2\": {\"q\": 0}}}}}}");
        assertTrue(q.startsWith("mix.tracks.gtr.eq.peak_2.q: 0 is out of range"), q);
    }

    @Test
    void presetsAndTheirTargetsAreChecked() {
        assertTrue(error("{\"master\": {\"preset\": \"spotify\"}}").startsWith("master.preset: expected one of streaming, apple, broadcast, rehearsal, custom"));
        assertTrue(error("{\"master\": {\"preset\": \"custom\"}}").startsWith("master.target_lufs: required with preset custom"));
        assertTrue(error("{\"master\": {\"target_lufs\": -16}}").startsWith("master.target_lufs: only with \"preset\": \"custom\""));
    }

    @Test
    void brokenJsonSaysWhere() {
        String m = error("{\"mix\": {\"tracks\": }");
        assertTrue(m.startsWith("settings: not valid JSON at line 1 column"), m);
    }

    @Test
    void delayTakesTimeOrSyncNotBoth() {
        assertTrue(error("{\"mix\": {\"delay\": {\"time_ms\": 300, \"sync\": \"1/4\"}}}").startsWith("mix.delay.sync: give either time_ms or sync"));
    }
}
