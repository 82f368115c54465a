package org.taperoom.web.sheets;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.taperoom.appliance.dsp.analysis.MusicAnalysis;
import org.taperoom.appliance.dsp.analysis.MusicAnalyzer;
import org.taperoom.appliance.dsp.analysis.Signal;
import org.taperoom.appliance.dsp.audiofile.SoundFileException;
import org.taperoom.appliance.dsp.audiofile.SoundFileReader;
import org.taperoom.appliance.dsp.render.TakeTracks;
import org.taperoom.appliance.music.ChordSymbol;
import org.taperoom.appliance.music.Key;
import org.taperoom.appliance.sheet.SheetStore;
import org.taperoom.appliance.sheet.SongSheet;
import org.taperoom.appliance.song.Song;
import org.taperoom.appliance.song.SongArrangement;
import org.taperoom.appliance.song.SongException;
import org.taperoom.appliance.song.SongLibrary;
import org.taperoom.web.api.Body;
import org.taperoom.web.api.PathIds;
import org.taperoom.web.server.Access;
import org.taperoom.web.server.ApiError;
import org.taperoom.web.server.Route;
import org.taperoom.web.takes.TakeCatalog;

/**
 * Tempo, time signature, key and chord progression detected in a take (its tracks together) or a
 * song (its active passes where they sit), offered to the sheet: the panel shows what was found
 * and puts it on the sheet with one tap. The analysis runs on the request's thread (it costs what
 * {@code taperoom analyze} costs) and reads at most the first ten minutes.
 */
public final class SheetDetectionApi {
    /** The part of a recording analysed, seconds: 10 minutes are about 29 MB of decimated samples. */
    static final double MAX_SECONDS = 600;
    private static final int MAX_CHORDS = 16;
    private static final Pattern TIME_SIGNATURE = Pattern.compile("[1-9][0-9]?/(1|2|4|8|16)");
    private final TakeCatalog takes;
    private final SongLibrary songs;
    private final SheetOwners owners;

    public SheetDetectionApi(TakeCatalog takes, SongLibrary songs) {
        this.takes = takes;
        this.songs = songs;
        this.owners = new SheetOwners(takes, songs);
    }

    public List<Route> routes() {
        String found = "{\"tempoBpm\", \"timeSignature\", \"key\", \"keyConfidence\", \"progression\": [chord], \"analysedSeconds\"} (null where it cannot tell)";
        return List.of(
                Route.get("/api/takes/{id}/sheet/detect", Access.SESSION, ctx -> detect(ctx, "take"),
                        "Detect tempo, time signature, key and progression in a take's tracks (the first 10 minutes): " + found + "; stores nothing.").teachers(),
                Route.post("/api/takes/{id}/sheet/detected", Access.CHANGE, ctx -> apply(ctx, "take"),
                        "Put what was detected on a take's sheet (made when it has none): {\"tempoBpm\", \"timeSignature\", \"key\", \"progression\": [chord]} (each optional; the progression replaces the sheet's progression section). Answers the sheet.").teachers(),
                Route.get("/api/songs/{id}/sheet/detect", Access.SESSION, ctx -> detect(ctx, "song"),
                        "Detect as for a take, in a song's active passes where they sit.").teachers(),
                Route.post("/api/songs/{id}/sheet/detected", Access.CHANGE, ctx -> apply(ctx, "song"),
                        "Put what was detected on a song's sheet, as for a take.").teachers());
    }

    private void detect(Context ctx, String owner) throws IOException {
        MusicAnalysis a;
        Signal signal;
        try {
            signal = Signal.mixed(readers(ctx, owner), MAX_SECONDS);
            a = MusicAnalyzer.analyze(signal);
        } catch (SoundFileException e) {
            throw ApiError.conflict("the recording cannot be read: " + e.getMessage());
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("tempoBpm", a.tempoBpm() == null ? null : Math.round(a.tempoBpm() * 10) / 10.0);
        d.put("timeSignature", a.timeSignature());
        d.put("key", a.key() == null ? null : Key.parse(a.key()).chordProName());
        d.put("keyConfidence", a.keyConfidence() == null ? null : Math.round(a.keyConfidence() * 100) / 100.0);
        d.put("progression", a.progression());
        d.put("analysedSeconds", Math.round(signal.seconds() * 10) / 10.0);
        ctx.json(d);
    }

    /** Readers of what the owner sounds like: a take's tracks, or a song's active passes at their offsets. */
    private List<SoundFileReader> readers(Context ctx, String owner) throws IOException, SoundFileException {
        String id = PathIds.id(ctx, "id");
        TakeTracks tracks;
        if (owner.equals("take")) {
            tracks = TakeTracks.find(takes.folder(id));
        } else {
            try {
                tracks = SongArrangement.of(owners.song(id), songs.library()).tracks();
            } catch (SongException e) {
                throw ApiError.conflict(e.getMessage());
            }
        }
        List<SoundFileReader> out = new ArrayList<>();
        try {
            for (TakeTracks.Track t : tracks.tracks()) out.add(t.open());
        } catch (SoundFileException e) {
            for (SoundFileReader r : out) r.close();
            throw e;
        }
        return out;
    }

    private void apply(Context ctx, String owner) throws IOException {
        Path folder = owners.folder(ctx, owner);
        Body b = Body.of(ctx, Set.of("tempoBpm", "timeSignature", "key", "progression"));
        Double bpm = present(b, "tempoBpm") ? b.number("tempoBpm", 20, 400) : null;
        String time = present(b, "timeSignature") ? b.text("timeSignature", 5) : null;
        if (time != null && !TIME_SIGNATURE.matcher(time).matches()) throw ApiError.badRequest("timeSignature", "expected beats/unit such as 3/4 or 6/8, got '" + time + "'");
        Key key = null;
        if (present(b, "key")) {
            try {
                key = Key.parse(b.text("key", 12));
            } catch (IllegalArgumentException e) {
                throw ApiError.badRequest("key", e.getMessage());
            }
        }
        List<String> progression = present(b, "progression") ? chords(b.node("progression")) : List.of();
        var stored = SheetOwners.read(folder);
        SongSheet sheet = stored.isPresent() ? stored.get() : SongSheet.titled(title(ctx, owner));
        sheet = sheet.withDetected(bpm, time, key, progression);
        SheetStore.write(folder, sheet);
        ctx.json(SheetDocs.doc(owner, PathIds.id(ctx, "id"), sheet));
    }

    private static boolean present(Body b, String field) {
        return b.has(field) && !b.node(field).isNull();
    }

    private static List<String> chords(JsonNode n) {
        if (!n.isArray() || n.size() > MAX_CHORDS) throw ApiError.badRequest("progression", "expected a list of at most " + MAX_CHORDS + " chords");
        List<String> out = new ArrayList<>();
        for (JsonNode c : n) {
            if (!c.isTextual() || ChordSymbol.parse(c.textValue()).isEmpty()) {
                throw ApiError.badRequest("progression", "not a chord: " + c + " (expected e.g. C, F#m, Bb7)");
            }
            out.add(c.textValue());
        }
        return out;
    }

    /** A new sheet's title: the take's name or the song's title. */
    private String title(Context ctx, String owner) throws IOException {
        String id = PathIds.id(ctx, "id");
        if (owner.equals("song")) return owners.song(id).title();
        Object name = takes.get(id).get("name");
        return name == null ? id : name.toString();
    }
}
