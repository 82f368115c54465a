package org.taperoom.appliance.service;

import java.util.function.Consumer;
import org.taperoom.appliance.dsp.render.QuickMix;
import org.taperoom.appliance.dsp.render.RenderJob;
import org.taperoom.appliance.recording.engine.RecorderListener;
import org.taperoom.appliance.recording.take.EndReason;
import org.taperoom.appliance.recording.take.TakeRef;
import org.tinylog.Logger;

/**
 * Starts the quick mix ({@code renders/quick-mix.mp3}) of every take that ends with valid files,
 * so the band can listen on their phones seconds later. The engine calls {@link #takeEnded} on its
 * own thread: listing the take's files happens on a virtual thread and the render on the render
 * service's, so neither the engine nor the transport ever waits for it. A failure is logged; the
 * take itself is untouched.
 */
final class QuickMixAfterTakes implements RecorderListener {
    private final QuickMix quickMix;
    /** Told about each job once it is queued (the panel shows its progress); any thread. */
    private final Consumer<RenderJob> started;

    QuickMixAfterTakes(QuickMix quickMix, Consumer<RenderJob> started) {
        this.quickMix = quickMix;
        this.started = started;
    }

    @Override
    public void takeEnded(TakeRef take, EndReason reason, String detail) {
        if (reason == EndReason.DISK_FULL) {
            Logger.info("no quick mix of take {}: the disk is full", take.id());
            return;
        }
        Thread.ofVirtual().name("quick-mix-" + take.id()).start(() -> {
            try {
                RenderJob job = quickMix.start(take.folder());
                Logger.info("quick mix of take {} queued as render job {}", take.id(), job.id());
                started.accept(job);
            } catch (Exception e) {
                Logger.warn("no quick mix of take {}: {}", take.id(), e.getMessage());
            }
        });
    }
}
