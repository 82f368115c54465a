package org.taperoom.appliance.recording.engine;

/** The engine refused or failed an operation; the message is one line for a person. */
public class EngineException extends Exception {
    public EngineException(String message) {
        super(message);
    }

    public EngineException(String message, Throwable cause) {
        super(message, cause);
    }
}
