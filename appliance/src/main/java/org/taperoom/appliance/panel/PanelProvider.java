package org.taperoom.appliance.panel;

/**
 * The seam between the appliance and the web panel: {@code web-panel} registers an implementation
 * through {@link java.util.ServiceLoader} (META-INF/services), so {@code appliance} never depends
 * on it and the commands still run where the panel is not on the class path.
 */
public interface PanelProvider {
    /** Starts the panel's server; returns once it accepts connections. */
    Panel start(PanelContext context) throws Exception;

    /** The provider on the class path, or null. */
    static PanelProvider find() {
        return java.util.ServiceLoader.load(PanelProvider.class).findFirst().orElse(null);
    }
}
