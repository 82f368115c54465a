package org.taperoom.web.sheets;

import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.taperoom.appliance.sheet.ChordPro;
import org.taperoom.appliance.sheet.SheetException;
import org.taperoom.appliance.sheet.SheetStore;
import org.taperoom.appliance.sheet.SongSheet;
import org.taperoom.appliance.song.Song;
import org.taperoom.appliance.song.SongLibrary;
import org.taperoom.web.api.Body;
import org.taperoom.web.api.PathIds;
import org.taperoom.web.server.Access;
import org.taperoom.web.server.ApiError;
import org.taperoom.web.server.Route;
import org.taperoom.web.takes.TakeCatalog;

/**
 * Song sheets (ChordPro) of songs and takes: read, as written or transposed, and replace. A
 * song's sheet is {@code sheet.cho} in its folder, a take's in the take's; see {@link SheetStore}.
 */
public final class SheetsApi {
    /** The longest sheet accepted: far beyond any song's words and chords. */
    static final int MAX_CHARS = 200_000;
    /** The latest section start accepted, seconds (a day): beyond it a number is a mistake. */
    static final double MAX_SECONDS = 86_400;
    private final TakeCatalog takes;
    private final SongLibrary songs;
    private final SheetOwners owners;

    public SheetsApi(TakeCatalog takes, SongLibrary songs) {
        this.takes = takes;
        this.songs = songs;
        this.owners = new SheetOwners(takes, songs);
    }

    public List<Route> routes() {
        String doc = "{\"owner\", \"id\", \"chordPro\", \"title\", \"key\", \"tempoBpm\", \"time\", \"capo\", \"notes\", \"sections\": [{\"kind\", \"label\", \"startSeconds\", \"lines\": [[{\"chord\", \"text\"}]]}]}";
        return List.of(
                Route.get("/api/sheets", Access.SESSION, this::list,
                        "Every song (with or without a sheet) and every take with a sheet: [{\"owner\": \"song\"|\"take\", \"id\", \"name\", \"hasSheet\", \"title\", \"key\"}].").teachers(),
                Route.get("/api/songs/{id}/sheet", Access.SESSION, ctx -> get(ctx, "song"),
                        "A song's sheet: " + doc + "; ?transpose=-11…11 and ?capo=0…11 show it moved (not stored); 404 when the song has none.").teachers(),
                Route.put("/api/songs/{id}/sheet", Access.CHANGE, ctx -> put(ctx, "song"),
                        "Replace a song's sheet: {\"chordPro\": text}; stored atomically as sheet.cho; 400 names the line ChordPro cannot read.").teachers(),
                Route.patch("/api/songs/{id}/sheet/sections/{n}", Access.CHANGE, ctx -> dateSection(ctx, "song"),
                        "Date section {n} (from 1) of a song's sheet: {\"startSeconds\": seconds into the song, or null for none}; the stage view follows the playhead by these times. Answers the sheet.").teachers(),
                Route.get("/api/takes/{id}/sheet", Access.SESSION, ctx -> get(ctx, "take"),
                        "A take's sheet, as for a song.").teachers(),
                Route.put("/api/takes/{id}/sheet", Access.CHANGE, ctx -> put(ctx, "take"),
                        "Replace a take's sheet, as for a song.").teachers(),
                Route.patch("/api/takes/{id}/sheet/sections/{n}", Access.CHANGE, ctx -> dateSection(ctx, "take"),
                        "Date section {n} of a take's sheet, as for a song.").teachers());
    }

    private Path folder(Context ctx, String owner) throws IOException {
        return owners.folder(ctx, owner);
    }

    private void list(Context ctx) throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Song s : songs.list()) out.add(entry("song", s.id(), s.title(), songs.folderOf(s.id())));
        for (Map<String, Object> t : takes.list()) {
            String id = (String) t.get("id");
            Path folder = takes.folder(id);
            if (Files.isRegularFile(folder.resolve(SheetStore.FILE_NAME))) out.add(entry("take", id, (String) t.get("name"), folder));
        }
        ctx.json(out);
    }

    private static Map<String, Object> entry(String owner, String id, String name, Path folder) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("owner", owner);
        m.put("id", id);
        m.put("name", name);
        Optional<SongSheet> sheet;
        try {
            sheet = SheetStore.read(folder);
        } catch (IOException | SheetException e) {
            sheet = Optional.empty();
        }
        m.put("hasSheet", sheet.isPresent());
        m.put("title", sheet.flatMap(SongSheet::title).orElse(null));
        m.put("key", sheet.flatMap(s -> s.directive("key")).orElse(null));
        return m;
    }

    private void get(Context ctx, String owner) throws IOException {
        SongSheet sheet = SheetOwners.stored(folder(ctx, owner), owner);
        int transpose = query(ctx, "transpose", -11, 11);
        String capoText = ctx.queryParam("capo");
        if (transpose != 0) sheet = sheet.transpose(transpose);
        if (capoText != null) sheet = sheet.withCapo(query(ctx, "capo", 0, 11));
        ctx.json(SheetDocs.doc(owner, PathIds.id(ctx, "id"), sheet));
    }

    private static int query(Context ctx, String name, int min, int max) {
        String v = ctx.queryParam(name);
        if (v == null) return 0;
        try {
            int n = Integer.parseInt(v.trim());
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException e) {
            // the message below
        }
        throw ApiError.badRequest(name, "expected a whole number from " + min + " to " + max + ", got '" + v + "'");
    }

    private void dateSection(Context ctx, String owner) throws IOException {
        Path folder = folder(ctx, owner);
        SongSheet sheet = SheetOwners.stored(folder, owner);
        int n = PathIds.number(ctx, "n", Math.max(1, sheet.sections().size()));
        if (sheet.sections().isEmpty()) throw ApiError.notFound("the sheet has no sections to date");
        Body b = Body.of(ctx, Set.of("startSeconds"));
        if (!b.has("startSeconds")) throw ApiError.badRequest("startSeconds", "required: seconds into the " + owner + ", or null for none");
        Double seconds = b.node("startSeconds").isNull() ? null : b.number("startSeconds", 0, MAX_SECONDS);
        sheet = sheet.withSectionStart(n - 1, seconds);
        SheetStore.write(folder, sheet);
        ctx.json(SheetDocs.doc(owner, PathIds.id(ctx, "id"), sheet));
    }

    private void put(Context ctx, String owner) throws IOException {
        Path folder = folder(ctx, owner);
        Body b = Body.of(ctx, Set.of("chordPro"));
        if (!b.has("chordPro")) throw ApiError.badRequest("chordPro", "required: the sheet as ChordPro text");
        String text = b.text("chordPro", MAX_CHARS);
        SongSheet sheet;
        try {
            sheet = ChordPro.parse(text);
        } catch (SheetException e) {
            throw ApiError.badRequest("chordPro", e.getMessage());
        }
        SheetStore.write(folder, sheet);
        ctx.json(SheetDocs.doc(owner, PathIds.id(ctx, "id"), sheet));
    }
}
