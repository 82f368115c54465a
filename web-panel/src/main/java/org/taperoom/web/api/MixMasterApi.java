package org.taperoom.web.api;

import static org.taperoom.web.api.RenderDocs.settings;

import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.taperoom.appliance.dsp.render.RenderService;
import org.taperoom.appliance.dsp.render.TakeTracks;
import org.taperoom.appliance.dsp.settings.MasterSettings;
import org.taperoom.appliance.dsp.settings.MixSettings;
import org.taperoom.appliance.dsp.settings.RenderSettings;
import org.taperoom.appliance.dsp.settings.SettingsException;
import org.taperoom.web.server.Access;
import org.taperoom.web.server.Route;
import org.taperoom.web.takes.TakeCatalog;

/**
 * The mix and master settings of a programme, a take's or a song's: the DSP's own JSON documents;
 * their validation names the key path in the 400, and a mix naming a track (a song: a lane) the
 * programme lacks is refused. One set of routes per kind of programme, over its {@link Home}: a
 * take keeps them beside its tracks, a song in its document. Saved settings of the take playing
 * are heard from the next block on.
 */
public final class MixMasterApi {
    /** Told of each take whose settings were saved, after they are on disk (the playback engine, to be heard at once). */
    public interface Saved {
        void saved(Path take);
    }

    /** Where one programme's mix and master are kept. Each put checks and stores the document whole, or throws naming the key. */
    public interface Home {
        MixSettings mix() throws IOException, SettingsException;

        MixSettings putMix(String json) throws IOException, SettingsException;

        MasterSettings master() throws IOException, SettingsException;

        MasterSettings putMaster(String json) throws IOException, SettingsException;
    }

    /** The home of programme {@code id}, or an {@code ApiError} (404) for an unknown one. */
    public interface Homes {
        Home of(String id) throws IOException;
    }

    private final String base;
    private final String kind;
    private final String parts;
    private final Homes homes;
    private final boolean students;

    /** The routes of a take's settings, {@code /api/takes/{id}/mix} and {@code /master}. */
    public MixMasterApi(TakeCatalog takes, RenderService renders, Saved saved) {
        this("/api/takes", "take", "track", id -> takeHome(takes.folder(id), renders, saved), true);
    }

    /**
     * @param base     the programmes' path ({@code /api/songs}); the routes are {@code base/{id}/mix} and {@code /master}
     * @param kind     what a programme is called in the summaries ("song")
     * @param parts    what its mix's strips are called ("lane")
     * @param students whether students may use the routes (else teachers only)
     */
    public MixMasterApi(String base, String kind, String parts, Homes homes, boolean students) {
        this.base = base;
        this.kind = kind;
        this.parts = parts;
        this.homes = homes;
        this.students = students;
    }

    public List<Route> routes() {
        return List.of(
                who(Route.get(base + "/{id}/mix", Access.SESSION, this::getMix, "The " + kind + "'s mix settings (per " + parts
                        + " fader, pan, mute/solo, EQ, compressor, sends; reverb and delay buses).")),
                who(Route.put(base + "/{id}/mix", Access.CHANGE, this::putMix, "Replace the " + kind + "'s mix settings; 400 names the first wrong key.")),
                who(Route.get(base + "/{id}/master", Access.SESSION, this::getMaster, "The " + kind
                        + "'s master settings (preset/target, ceiling, normalise, EQ, glue, limiter).")),
                who(Route.put(base + "/{id}/master", Access.CHANGE, this::putMaster, "Replace the " + kind + "'s master settings; 400 names the first wrong key.")));
    }

    private Route who(Route r) {
        return students ? r.students() : r.teachers();
    }

    private void getMix(Context ctx) throws IOException {
        Home home = homes.of(PathIds.id(ctx, "id"));
        ctx.contentType("application/json").result(RenderSettings.mixJson(settings(home::mix)));
    }

    private void putMix(Context ctx) throws IOException {
        Home home = homes.of(PathIds.id(ctx, "id"));
        String json = ctx.body();
        ctx.contentType("application/json").result(RenderSettings.mixJson(settings(() -> home.putMix(json))));
    }

    private void getMaster(Context ctx) throws IOException {
        Home home = homes.of(PathIds.id(ctx, "id"));
        ctx.contentType("application/json").result(RenderSettings.masterJson(settings(home::master)));
    }

    private void putMaster(Context ctx) throws IOException {
        Home home = homes.of(PathIds.id(ctx, "id"));
        String json = ctx.body();
        ctx.contentType("application/json").result(RenderSettings.masterJson(settings(() -> home.putMaster(json))));
    }

    /** A take's settings files, beside its tracks; the playback engine is told of each save. */
    private static Home takeHome(Path take, RenderService renders, Saved saved) {
        return new Home() {
            @Override
            public MixSettings mix() throws IOException, SettingsException {
                return renders.mixSettings(take);
            }

            @Override
            public MixSettings putMix(String json) throws IOException, SettingsException {
                TakeTracks.find(take).check(RenderSettings.parseMix(json));
                MixSettings stored = renders.putMixSettings(take, json);
                saved.saved(take);
                return stored;
            }

            @Override
            public MasterSettings master() throws IOException, SettingsException {
                return renders.masterSettings(take);
            }

            @Override
            public MasterSettings putMaster(String json) throws IOException, SettingsException {
                MasterSettings stored = renders.putMasterSettings(take, json);
                saved.saved(take);
                return stored;
            }
        };
    }
}
