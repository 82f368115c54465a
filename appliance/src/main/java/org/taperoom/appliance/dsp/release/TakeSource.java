package org.taperoom.appliance.dsp.release;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import org.taperoom.appliance.dsp.render.RenderProgress;
import org.taperoom.appliance.dsp.render.RenderResult;
import org.taperoom.appliance.dsp.render.Renderer;
import org.taperoom.appliance.dsp.render.TakeSettings;
import org.taperoom.appliance.dsp.render.TakeTracks;
import org.taperoom.appliance.dsp.settings.RenderSettings;
import org.taperoom.appliance.dsp.settings.SettingsException;

/** A take folder of the library, mixed and mastered with its own mix.json and master.json. */
public record TakeSource(Path library, Path folder) implements TrackSource {
    @Override
    public String describe() {
        return "take " + library.relativize(folder);
    }

    @Override
    public RenderSettings settings() throws IOException, SettingsException {
        return TakeSettings.render(folder);
    }

    @Override
    public RenderResult render(Renderer renderer, RenderSettings settings, Path out, RenderProgress progress, BooleanSupplier cancelled)
            throws IOException, SettingsException {
        return renderer.render(TakeTracks.find(folder), settings, out, progress, cancelled);
    }
}
