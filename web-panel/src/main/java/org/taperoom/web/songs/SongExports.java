package org.taperoom.web.songs;

import java.io.IOException;
import java.nio.file.Path;
import org.taperoom.appliance.dsp.render.RenderJob;
import org.taperoom.appliance.dsp.render.RenderService;
import org.taperoom.appliance.dsp.settings.RenderSettings;
import org.taperoom.appliance.dsp.settings.SettingsException;
import org.taperoom.appliance.song.SongArrangement;
import org.taperoom.web.api.ExportsApi;
import org.taperoom.web.api.JobsApi;

/**
 * A song's exports through the takes' export routes ({@link ExportsApi}): the song's arrangement
 * (its lanes as heard) with its mix and master, tags and format as for a take, into the song's
 * renders folder, where the share links find them too.
 */
public final class SongExports {
    private SongExports() {}

    /** The routes {@code /api/songs/{id}/exports…}; pair them with a {@code ShareApi} for their links. */
    public static ExportsApi api(Songs songs, RenderService renders, JobsApi jobs) {
        return ExportsApi.of("/api/songs", "song", new ExportsApi.Programmes() {
            @Override
            public Path folder(String id) throws IOException {
                return songs.folder(id);
            }

            @Override
            public RenderJob start(String id, String format, String renderJson) throws IOException, SettingsException {
                SongArrangement a = songs.arrangement(songs.find(id));
                String name = id.length() > 40 ? id.substring(0, 40) : id;
                return renders.start(songs.folder(id), a.tracks(), a.settings(RenderSettings.DEFAULT), name, format, renderJson);
            }
        }, renders, jobs);
    }
}
