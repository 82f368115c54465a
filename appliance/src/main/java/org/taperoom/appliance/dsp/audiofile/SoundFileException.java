package org.taperoom.appliance.dsp.audiofile;

import java.io.IOException;

/** A sound file could not be opened, read or written; the message names the file and libsndfile's reason. */
public class SoundFileException extends IOException {
    public SoundFileException(String message) {
        super(message);
    }
}
