package org.taperoom.web.api;

import static org.taperoom.web.api.RenderDocs.settings;

import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.taperoom.appliance.dsp.render.RenderService;
import org.taperoom.appliance.dsp.render.TakeTracks;
import org.taperoom.appliance.dsp.settings.RenderSettings;
import org.taperoom.web.server.Access;
import org.taperoom.web.server.Route;
import org.taperoom.web.takes.TakeCatalog;

/**
 * A take's mix and master settings: the DSP's own JSON documents, stored with the take; its
 * validation names the key path in the 400, and a mix naming a track the take lacks is refused.
 * Saved settings of the take playing are heard from the next block on.
 */
public final class MixMasterApi {
    /** Told of each take whose settings were saved, after they are on disk (the playback engine, to be heard at once). */
    public interface Saved {
        void saved(Path take);
    }

    private final TakeCatalog takes;
    private final RenderService renders;
    private final Saved saved;

    public MixMasterApi(TakeCatalog takes, RenderService renders, Saved saved) {
        this.takes = takes;
        this.renders = renders;
        this.saved = saved;
    }

    public List<Route> routes() {
        return List.of(
                Route.get("/api/takes/{id}/mix", Access.SESSION, this::getMix, "The take's mix settings (per track fader, pan, mute/solo, EQ, compressor, sends; reverb and delay buses).").students(),
                Route.put("/api/takes/{id}/mix", Access.CHANGE, this::putMix, "Replace the take's mix settings; 400 names the first wrong key.").students(),
                Route.get("/api/takes/{id}/master", Access.SESSION, this::getMaster, "The take's master settings (preset/target, ceiling, normalise, EQ, glue, limiter).").students(),
                Route.put("/api/takes/{id}/master", Access.CHANGE, this::putMaster, "Replace the take's master settings; 400 names the first wrong key.").students());
    }

    private void getMix(Context ctx) throws IOException {
        Path take = takes.folder(PathIds.id(ctx, "id"));
        ctx.contentType("application/json").result(RenderSettings.mixJson(settings(() -> renders.mixSettings(take))));
    }

    private void putMix(Context ctx) throws IOException {
        Path take = takes.folder(PathIds.id(ctx, "id"));
        String json = ctx.body();
        TakeTracks tracks = TakeTracks.find(take);
        var mix = settings(() -> RenderSettings.parseMix(json));
        settings(() -> {
            tracks.check(mix);
            return null;
        });
        ctx.contentType("application/json").result(RenderSettings.mixJson(settings(() -> renders.putMixSettings(take, json))));
        saved.saved(take);
    }

    private void getMaster(Context ctx) throws IOException {
        Path take = takes.folder(PathIds.id(ctx, "id"));
        ctx.contentType("application/json").result(RenderSettings.masterJson(settings(() -> renders.masterSettings(take))));
    }

    private void putMaster(Context ctx) throws IOException {
        Path take = takes.folder(PathIds.id(ctx, "id"));
        String json = ctx.body();
        ctx.contentType("application/json").result(RenderSettings.masterJson(settings(() -> renders.putMasterSettings(take, json))));
        saved.saved(take);
    }
}
