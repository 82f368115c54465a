package org.taperoom.appliance.panel;

import org.taperoom.appliance.config.Config;
import org.taperoom.appliance.control.Transport;
import org.taperoom.appliance.engine.Recorder;

/**
 * What the panel is given to work with: the configuration it started with, the engine to read
 * meters and status from, and the transport to send every command to (the panel never drives
 * the engine directly).
 */
public record PanelContext(Config config, Recorder recorder, Transport transport) {}
