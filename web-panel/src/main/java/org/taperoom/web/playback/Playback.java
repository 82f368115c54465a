package org.taperoom.web.playback;

import java.io.IOException;
import java.nio.file.Path;
import org.taperoom.appliance.dsp.settings.SettingsException;
import org.taperoom.appliance.playback.PlaybackService;
import org.taperoom.web.live.LiveHub;
import org.taperoom.web.server.Route;
import org.taperoom.web.takes.TakeCatalog;
import org.tinylog.Logger;

/**
 * The panel's playback feature in one piece: the engine on the configured interface's outputs
 * (its device, period and buffer), its routes, the playhead and meters over the live socket, and
 * the live mix streamed to browsers.
 */
public final class Playback implements AutoCloseable {
    private final PlaybackService service;
    private final PlaybackApi api;
    private final PlaybackPump pump;
    private final BrowserStream stream;

    private Playback(PlaybackService service, PlaybackApi api, PlaybackPump pump, BrowserStream stream) {
        this.service = service;
        this.api = api;
        this.pump = pump;
        this.stream = stream;
    }

    /** Starts the feature on {@code service} (one that cannot open its output answers 409 naming why). */
    public static Playback start(PlaybackService service, TakeCatalog takes, LiveHub hub) {
        PlaybackApi api = new PlaybackApi(takes, service);
        PlaybackPump pump = new PlaybackPump(api, hub);
        pump.start();
        BrowserStream stream = new BrowserStream(service.tap());
        stream.start();
        return new Playback(service, api, pump, stream);
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

    public BrowserStream stream() {
        return stream;
    }

    /** A take's settings were saved: if it is playing, it is heard with them from the next block. */
    public void settingsSaved(Path take) {
        try {
            service.settingsChanged(take);
        } catch (IOException | SettingsException e) {
            // Saved settings were checked before they were written; a failure here leaves the old mix playing.
            Logger.warn("the saved settings of {} could not reach the playing mix: {}", take.getFileName(), e.getMessage());
        }
    }

    @Override
    public void close() {
        stream.close();
        pump.close();
        service.close();
    }
}
