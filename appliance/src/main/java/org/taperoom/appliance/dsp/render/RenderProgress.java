package org.taperoom.appliance.dsp.render;

/** Receives a render's progress on the render thread; must return quickly. */
@FunctionalInterface
public interface RenderProgress {
    RenderProgress NONE = (stage, fraction) -> {};

    /**
     * @param stage    "analysing", "mixing", "normalising", "writing", "checking" or "done"
     * @param fraction of the whole render, 0..1, never decreasing
     */
    void update(String stage, double fraction);
}
