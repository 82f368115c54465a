package org.taperoom.web;

import org.taperoom.appliance.panel.PanelContext;
import org.taperoom.web.takes.TakeCatalog;

/** Opens the take library the panel shows (the engine's library, in the configured folder). */
final class Library {
    private Library() {}

    static TakeCatalog open(PanelContext context) {
        throw new UnsupportedOperationException("take library not wired yet");
    }
}
