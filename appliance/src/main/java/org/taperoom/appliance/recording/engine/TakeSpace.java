package org.taperoom.appliance.recording.engine;

import java.io.IOException;
import org.taperoom.appliance.recording.take.TakeLibrary;
import org.taperoom.appliance.wav.WordFormat;

/**
 * The free-space policy of new takes: a take starts only when the library's disk holds
 * {@code minFreeMinutes} of it; trashed takes are purged (oldest first) to make that room. Purging
 * deletes files, so callers run it outside any lock the transport waits on.
 */
final class TakeSpace {
    private final TakeLibrary library;
    private final int minFreeMinutes;
    private final int rateHz;
    private final WordFormat format;

    TakeSpace(TakeLibrary library, int minFreeMinutes, int rateHz, WordFormat format) {
        this.library = library;
        this.minFreeMinutes = minFreeMinutes;
        this.rateHz = rateHz;
        this.format = format;
    }

    /** Makes room for a take of {@code tracks} tracks, from the trash if need be; refuses with one line when there is none. */
    void makeRoomFor(int tracks) throws EngineException {
        long perSecond = (long) tracks * rateHz * format.bytesPerSample;
        long minFreeBytes = minFreeMinutes * 60L * perSecond;
        try {
            if (library.usableBytes() < minFreeBytes) library.freeSpaceFromTrash(minFreeBytes);
            long usable = library.usableBytes();
            if (usable < minFreeBytes) {
                throw new EngineException(String.format("only %.1f minutes of free space in %s at %d tracks × %d Hz × %s-bit; "
                        + "a take needs at least %d (minFreeMinutes)", usable / (60.0 * perSecond), library.root(), tracks,
                        rateHz, format.bits, minFreeMinutes));
            }
        } catch (IOException e) {
            throw new EngineException("cannot read the free space of " + library.root() + ": " + e.getMessage());
        }
    }
}
