package org.taperoom.appliance.panel;

import java.net.URI;
import org.taperoom.appliance.dsp.render.RenderJob;

/** A running panel server. */
public interface Panel extends AutoCloseable {
    /** Where a browser reaches it (for the demo's printed line). */
    URI url();

    /**
     * Shows the browsers a render the panel did not start (the quick mix after a take): its
     * progress while it runs, and the take list again when it ends. Returns at once.
     */
    default void follow(RenderJob job) {}

    /** Stops the server. Idempotent. */
    @Override
    void close();
}
