package org.taperoom.web.playback;

import java.util.LinkedHashMap;
import java.util.Map;
import org.taperoom.appliance.playback.PlaybackService;
import org.taperoom.appliance.playback.PlaybackStatus;

/** The playback state as the API and the live socket give it. */
final class PlaybackDocs {
    private PlaybackDocs() {}

    /** dBFS to a tenth of a dB: enough for a meter, and short on the wire. */
    private static double[] tenths(float[] db) {
        double[] out = new double[db.length];
        for (int i = 0; i < db.length; i++) out[i] = Math.round(db[i] * 10) / 10.0;
        return out;
    }

    /** The document of {@code now} (null: nothing open); {@code takeId} or {@code songId} names what plays. */
    static Map<String, Object> doc(PlaybackService.Now now, String takeId, String songId) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("type", "playback");
        if (now == null) {
            d.put("take", null);
            d.put("song", null);
            d.put("playing", false);
            return d;
        }
        PlaybackStatus s = now.status();
        d.put("take", takeId);
        d.put("song", songId);
        d.put("playing", s.playing());
        d.put("ended", s.ended());
        d.put("positionSeconds", Math.round(s.positionSeconds() * 1000) / 1000.0);
        d.put("positionFrame", s.positionFrame());
        d.put("lengthSeconds", Math.round(s.lengthSeconds() * 1000) / 1000.0);
        d.put("sampleRate", s.rateHz());
        d.put("underruns", s.underruns());
        d.put("starvedPeriods", s.starvedPeriods());
        d.put("normalised", now.analysed());
        d.put("problem", s.problem());
        Map<String, Object> meters = new LinkedHashMap<>();
        meters.put("tracks", tenths(now.stripsDb()));
        meters.put("master", tenths(now.masterDb()));
        d.put("meters", meters);
        return d;
    }
}
