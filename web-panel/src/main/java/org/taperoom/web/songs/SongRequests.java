package org.taperoom.web.songs;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.function.Consumer;
import org.taperoom.appliance.control.ControlEvent;
import org.taperoom.appliance.control.Transport;
import org.taperoom.appliance.control.TransportState;
import org.taperoom.appliance.song.Song;
import org.taperoom.web.api.Body;
import org.taperoom.web.api.PathIds;
import org.taperoom.web.playback.PlaybackApi;
import org.taperoom.web.server.ApiError;

/**
 * What the song routes share: the songs, the transport, a song's answer and the news that it
 * changed, the one-line checks of a title, a lane name and a lane number. Opening, making, playing
 * or changing a song makes it the one the overdub button records over ({@link #use}).
 */
final class SongRequests {
    static final String SOURCE = "panel";
    private static final int MAX_TITLE_CHARS = 80;
    private static final int MAX_LANE_CHARS = 40;

    final Songs songs;
    final Transport transport;
    /** Tells every browser that a song changed ({@code {"type":"songs","song":id}}); must not block. */
    private final Consumer<String> changed;
    private final PlaybackApi playback;

    SongRequests(Songs songs, Transport transport, Consumer<String> changed, PlaybackApi playback) {
        this.songs = songs;
        this.transport = transport;
        this.changed = changed;
        this.playback = playback;
    }

    /** A song's tempo, as the click plays it: 20 to 300 BPM. */
    static final double MIN_TEMPO_BPM = 20;
    static final double MAX_TEMPO_BPM = 300;
    private static final int MAX_KEY_CHARS = 40;

    /** "N/D": N beats of 1/D to the bar, N 1 to 16, D a power of two up to 16. */
    static String timeSignature(Body b) {
        String v = b.text("timeSignature", 5).strip();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,2})/(\\d{1,2})").matcher(v);
        if (m.matches()) {
            int beats = Integer.parseInt(m.group(1));
            int unit = Integer.parseInt(m.group(2));
            if (beats >= 1 && beats <= 16 && (unit == 1 || unit == 2 || unit == 4 || unit == 8 || unit == 16)) return beats + "/" + unit;
        }
        throw ApiError.badRequest("timeSignature", "expected N/D with N 1 to 16 and D 1, 2, 4, 8 or 16 (e.g. 4/4, 6/8), got \"" + v + "\"");
    }

    /** A key as people write it ("E minor", "Bb"), one line, or empty for none. */
    static String key(Body b) {
        String v = b.text("key", MAX_KEY_CHARS).strip();
        if (v.contains("\n") || v.contains("\t")) throw ApiError.badRequest("key", "one line of up to " + MAX_KEY_CHARS + " characters, e.g. \"E minor\"");
        return v;
    }

    static String title(Body b) {
        if (!b.has("title")) throw ApiError.badRequest("title", "missing: the song's name");
        String title = b.text("title", MAX_TITLE_CHARS).strip();
        if (title.isEmpty() || title.contains("\n") || title.contains("\t")) throw ApiError.badRequest("title", "one line of 1 to " + MAX_TITLE_CHARS + " characters");
        return title;
    }

    static String laneName(String field, JsonNode n) {
        if (n == null || !n.isTextual()) throw ApiError.badRequest(field, "expected a lane name (text)");
        String name = n.textValue().strip();
        if (!name.matches("[\\p{L}\\p{N} ._-]{1," + MAX_LANE_CHARS + "}")) {
            throw ApiError.badRequest(field, "1 to " + MAX_LANE_CHARS + " letters, digits, spaces, '.', '_' or '-'");
        }
        return name;
    }

    static int laneNumber(Context ctx, Song song) {
        if (song.lanes().isEmpty()) throw ApiError.notFound("song " + song.id() + " has no lanes yet");
        return PathIds.number(ctx, "lane", song.lanes().size());
    }

    void refuseWhileOverdubbing(String what) {
        if (transport.view().state() == TransportState.OVERDUBBING) throw ApiError.conflict("a pass is being recorded: " + what + " when it has ended");
    }

    void answer(Context ctx, Song song) {
        use(song.id());
        changed(song.id());
        ctx.json(SongDocs.full(song, songs.libraryRoot()));
    }

    void use(String id) {
        transport.send(new ControlEvent.UseSong(SOURCE, id));
    }

    /** The saved mix and master of {@code song} are heard from the next block if it is the song playing. */
    void heard(Song song) {
        playback.songSettingsSaved(song.id(), song.mix(), song.master());
    }

    void changed(String id) {
        changed.accept(changedMessage(id));
    }

    /** The live message that song {@code id} changed. */
    static String changedMessage(String id) {
        return "{\"type\":\"songs\",\"song\":\"" + id + "\"}";
    }
}
