package org.taperoom.appliance.panel;

import java.nio.file.Path;
import org.taperoom.appliance.config.Config;
import org.taperoom.appliance.control.Transport;
import org.taperoom.appliance.engine.Recorder;
import org.taperoom.appliance.inputs.InputSetup;

/**
 * What the panel is given to work with: the configuration it started with, the engine to read
 * meters and status from, and the transport to send every command to (the panel never drives
 * the engine directly).
 *
 * @param configFile where {@code PATCH /api/settings} writes changed keys (the file the service
 *                   read), or null to keep changes in memory until the process ends
 * @param inputs     the input names, arming and gains the transport builds its take requests
 *                   from, shared with it; null makes the panel keep its own (then arming in the
 *                   panel does not reach takes started elsewhere)
 */
public record PanelContext(Config config, Recorder recorder, Transport transport, Path configFile, InputSetup inputs) {
    /** A context whose settings changes last until the process ends (demo, tests). */
    public PanelContext(Config config, Recorder recorder, Transport transport) {
        this(config, recorder, transport, null, null);
    }
}
