package org.taperoom.appliance.panel;

import java.net.URI;

/** A running panel server. */
public interface Panel extends AutoCloseable {
    /** Where a browser reaches it (for the demo's printed line). */
    URI url();

    /** Stops the server. Idempotent. */
    @Override
    void close();
}
