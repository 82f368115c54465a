package org.taperoom.web;

import org.taperoom.appliance.panel.Panel;
import org.taperoom.appliance.panel.PanelContext;
import org.taperoom.appliance.panel.PanelProvider;

/** The web panel as the appliance finds it through {@link java.util.ServiceLoader}. */
public final class WebPanelProvider implements PanelProvider {
    @Override
    public Panel start(PanelContext context) throws Exception {
        return WebPanel.start(context);
    }
}
