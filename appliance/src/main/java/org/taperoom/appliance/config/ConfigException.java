package org.taperoom.appliance.config;

/** A configuration file or flag is wrong. The message is one line naming the key, the line and what is expected. */
public class ConfigException extends Exception {
    public ConfigException(String message) {
        super(message);
    }
}
