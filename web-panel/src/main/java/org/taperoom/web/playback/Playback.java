package org.taperoom.web.playback;

import org.taperoom.appliance.panel.PanelContext;
import org.taperoom.appliance.panel.PanelPlayback;
import org.taperoom.appliance.playback.PlaybackService;
import org.taperoom.web.live.LiveHub;
import org.taperoom.web.server.Route;
import org.taperoom.web.takes.TakeCatalog;

/**
 * The panel's playback feature in one piece: the engine on the configured interface's outputs
 * (its device, period and buffer), its routes, and the playhead over the live socket.
 */
public final class Playback implements AutoCloseable {
    private final PlaybackService service;
    private final PlaybackApi api;
    private final PlaybackPump pump;

    private Playback(PlaybackService service, PlaybackApi api, PlaybackPump pump) {
        this.service = service;
        this.api = api;
        this.pump = pump;
    }

    /** Starts the feature; an interface whose driver cannot be loaded leaves a playback that answers 409 naming why. */
    public static Playback start(PanelContext context, TakeCatalog takes, LiveHub hub) {
        PlaybackService service = PanelPlayback.open(context);
        PlaybackApi api = new PlaybackApi(takes, service);
        PlaybackPump pump = new PlaybackPump(api, hub);
        pump.start();
        return new Playback(service, api, pump);
    }

    public java.util.List<Route> routes() {
        java.util.List<Route> all = new java.util.ArrayList<>(api.routes());
        all.addAll(new MetronomeApi(service).routes());
        return all;
    }

    public PlaybackApi api() {
        return api;
    }

    public PlaybackService service() {
        return service;
    }

    @Override
    public void close() {
        pump.close();
        service.close();
    }
}
