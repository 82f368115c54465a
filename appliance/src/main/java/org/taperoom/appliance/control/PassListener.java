package org.taperoom.appliance.control;

/**
 * Hears each pass recorded over a song (placed in its lane, its files whole); called on the pass's
 * own thread as the transport rests again, so it must hand long work to another thread.
 */
@FunctionalInterface
public interface PassListener {
    /** @param songId the song the pass was recorded over */
    void passRecorded(String songId);
}
