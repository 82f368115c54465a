package org.taperoom.appliance.dsp.settings;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One track's channel strip. JSON keys: {@code trim_db} (-24..24), {@code fader_db} (-144..12 or
 * "-inf"), {@code pan} (-1 left .. 1 right, constant power), {@code mute}, {@code solo},
 * {@code polarity_inverted}, {@code eq} ({@link EqSettings}), {@code compressor}
 * ({@link CompressorSettings}), {@code reverb_send_db} and {@code delay_send_db} (post-fader,
 * -144..6 or "-inf").
 */
public record TrackSettings(double trimDb, double faderDb, double pan, boolean mute, boolean solo, boolean polarityInverted,
                            EqSettings eq, CompressorSettings compressor, double reverbSendDb, double delaySendDb) {
    public static final TrackSettings DEFAULT = new TrackSettings(0, 0, 0, false, false, false, EqSettings.FLAT,
            CompressorSettings.TRACK_DEFAULT, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY);

    static TrackSettings parse(Fields f, TrackSettings d) throws SettingsException {
        TrackSettings t = new TrackSettings(
                f.number("trim_db", d.trimDb, -24, 24),
                f.levelDb("fader_db", d.faderDb, 12),
                f.number("pan", d.pan, -1, 1),
                f.bool("mute", d.mute),
                f.bool("solo", d.solo),
                f.bool("polarity_inverted", d.polarityInverted),
                EqSettings.parse(f.object("eq"), d.eq),
                CompressorSettings.parse(f.object("compressor"), d.compressor),
                f.levelDb("reverb_send_db", d.reverbSendDb, 6),
                f.levelDb("delay_send_db", d.delaySendDb, 6));
        f.finish();
        return t;
    }

    public TrackSettings withFaderDb(double db) {
        return new TrackSettings(trimDb, db, pan, mute, solo, polarityInverted, eq, compressor, reverbSendDb, delaySendDb);
    }

    public TrackSettings withEq(EqSettings e) {
        return new TrackSettings(trimDb, faderDb, pan, mute, solo, polarityInverted, e, compressor, reverbSendDb, delaySendDb);
    }

    public TrackSettings withPan(double p) {
        return new TrackSettings(trimDb, faderDb, p, mute, solo, polarityInverted, eq, compressor, reverbSendDb, delaySendDb);
    }

    void write(ObjectNode n) {
        n.put("trim_db", trimDb);
        Fields.putLevel(n, "fader_db", faderDb);
        n.put("pan", pan);
        n.put("mute", mute);
        n.put("solo", solo);
        n.put("polarity_inverted", polarityInverted);
        eq.write(n.putObject("eq"));
        compressor.write(n.putObject("compressor"));
        Fields.putLevel(n, "reverb_send_db", reverbSendDb);
        Fields.putLevel(n, "delay_send_db", delaySendDb);
    }
}
