package org.taperoom.appliance.dsp.release;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import org.taperoom.appliance.dsp.render.RenderProgress;
import org.taperoom.appliance.dsp.render.RenderResult;
import org.taperoom.appliance.dsp.render.Renderer;
import org.taperoom.appliance.dsp.settings.RenderSettings;
import org.taperoom.appliance.dsp.settings.SettingsException;

/**
 * What a release track is made from. Today a take ({@link TakeSource}, {@code "take"} in
 * release.json); a song (lanes of passes) becomes another implementation with its own key,
 * and nothing else in the release changes: the release only asks for a stereo master.
 */
public interface TrackSource {
    /** For messages and the track list: {@code take 2026-12-01/193000-blue-room}. */
    String describe();

    /** The source's own mix and master settings, before the release overrides the loudness target. */
    RenderSettings settings() throws IOException, SettingsException;

    /** Renders the source with {@code settings} to {@code out} (a 32-bit float WAV master). */
    RenderResult render(Renderer renderer, RenderSettings settings, Path out, RenderProgress progress, BooleanSupplier cancelled)
            throws IOException, SettingsException;
}
