package org.taperoom.appliance.song;

/** A song document or request that cannot be used; the message is one line naming what is wrong and what would be right. */
public final class SongException extends Exception {
    public SongException(String message) {
        super(message);
    }
}
