package org.taperoom.web.songs;

import java.io.IOException;
import java.util.List;
import org.taperoom.appliance.dsp.settings.MasterSettings;
import org.taperoom.appliance.dsp.settings.MixSettings;
import org.taperoom.appliance.dsp.settings.RenderSettings;
import org.taperoom.appliance.dsp.settings.SettingsException;
import org.taperoom.appliance.song.Lane;
import org.taperoom.appliance.song.Song;
import org.taperoom.web.api.MixMasterApi;
import org.taperoom.web.server.Route;

/**
 * A song's mix and master through the same routes a take's have ({@link MixMasterApi}), kept in
 * the song's document: the mix's strips are keyed by lane name, and a strip naming no lane is
 * refused as a take's naming no track is. Refused (409) while a pass is recorded, which saves the
 * song when it places itself.
 */
final class SongMixMaster {
    private SongMixMaster() {}

    static List<Route> routes(SongRequests req) {
        return new MixMasterApi("/api/songs", "song", "lane", id -> home(req, id), false).routes();
    }

    /** A mix document for {@code song}: its strips keyed by the song's lanes, one naming no lane refused. */
    static MixSettings parseMix(Song song, String json) throws SettingsException {
        MixSettings mix = RenderSettings.parseMix(json);
        for (String key : mix.tracks().keySet()) {
            if (song.lanes().stream().noneMatch(l -> l.name().equals(key))) {
                throw new SettingsException("mix.tracks." + key + ": no such lane in song " + song.id() + "; lanes: "
                        + String.join(", ", song.lanes().stream().map(Lane::name).toList()));
            }
        }
        return mix;
    }

    private static MixMasterApi.Home home(SongRequests req, String id) throws IOException {
        Songs songs = req.songs;
        songs.find(id);
        return new MixMasterApi.Home() {
            @Override
            public MixSettings mix() throws IOException {
                return songs.find(id).mix();
            }

            @Override
            public MixSettings putMix(String json) throws IOException, SettingsException {
                MixSettings mix = parseMix(songs.find(id), json);
                req.refuseWhileOverdubbing("the mix is saved");
                Song saved = songs.change(id, s -> s.withMix(mix));
                req.heard(saved);
                req.changed(id);
                return saved.mix();
            }

            @Override
            public MasterSettings master() throws IOException {
                return songs.find(id).master();
            }

            @Override
            public MasterSettings putMaster(String json) throws IOException, SettingsException {
                MasterSettings master = RenderSettings.parseMaster(json);
                req.refuseWhileOverdubbing("the master is saved");
                Song saved = songs.change(id, s -> s.withMaster(master));
                req.heard(saved);
                req.changed(id);
                return saved.master();
            }
        };
    }
}
