package org.taperoom.appliance.dsp.settings;

/** A settings document is wrong; the one-line message names the key path and what would be right. */
public class SettingsException extends Exception {
    public SettingsException(String message) {
        super(message);
    }
}
