package org.taperoom.appliance.dsp.render;

import java.nio.file.Path;
import org.taperoom.appliance.dsp.settings.MasterSettings;
import org.taperoom.appliance.dsp.settings.Preset;
import org.taperoom.appliance.dsp.settings.RenderSettings;

/**
 * A render in a JVM of its own, for {@link BoundedMemoryTest}: {@code TAKE OUT HEAP_TAPE_BYTES}
 * renders TAKE to OUT with the streaming preset (loudness normalisation on, so every pass over
 * the bus runs) keeping at most HEAP_TAPE_BYTES of bus tape on the heap ({@code default}: the renderer's own
 * choice from the heap's limit). Prints the frames and
 * the heap's limit; exits 3 on running out of heap.
 */
public final class LongTakeChild {
    private LongTakeChild() {}

    public static void main(String[] args) throws Exception {
        RenderSettings settings = RenderSettings.DEFAULT.withMaster(MasterSettings.DEFAULT.withPreset(Preset.STREAMING, Preset.STREAMING.targetLufs));
        try {
            Renderer renderer = args[2].equals("default") ? new Renderer(2) : new Renderer(2, Long.parseLong(args[2]));
            RenderResult r = renderer.render(TakeTracks.find(Path.of(args[0])), settings, Path.of(args[1]), RenderProgress.NONE, () -> false);
            System.out.println("frames " + r.frames());
            System.out.println("heap limit MiB " + Runtime.getRuntime().maxMemory() / (1 << 20));
        } catch (OutOfMemoryError e) {
            System.out.println("out of memory: " + e.getMessage());
            System.exit(3);
        }
    }
}
