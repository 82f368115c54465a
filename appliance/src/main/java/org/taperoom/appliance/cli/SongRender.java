package org.taperoom.appliance.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.NoSuchElementException;
import org.taperoom.appliance.dsp.render.TakeTracks;
import org.taperoom.appliance.dsp.settings.RenderSettings;
import org.taperoom.appliance.song.SongArrangement;
import org.taperoom.appliance.song.SongException;
import org.taperoom.appliance.song.SongLibrary;

/**
 * {@code render --song}: the song's arrangement and settings, with a note on stderr for each pass
 * that is missing (its lane is left out, the rest renders).
 */
record SongRender(TakeTracks tracks, RenderSettings settings) {
    /** @param given settings from --settings, or null for the song's own mix and master */
    static SongRender prepare(String library, String songId, RenderSettings given) throws UsageException, IOException {
        if (library == null) throw new UsageException("--song needs --library DIR (the take library holding the song)");
        try {
            SongArrangement a = SongArrangement.of(new SongLibrary(Path.of(library)).load(songId), Path.of(library));
            for (String m : a.missing()) System.err.println("note: " + m + "; rendering without it");
            return new SongRender(a.tracks(), given != null ? given : a.settings(RenderSettings.DEFAULT));
        } catch (SongException | NoSuchElementException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
