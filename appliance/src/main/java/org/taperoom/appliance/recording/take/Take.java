package org.taperoom.appliance.recording.take;

import org.taperoom.appliance.recording.engine.TakeRef;

/** A take of the library: where it is and what its take.json says. */
public record Take(TakeRef ref, TakeInfo info) {
    public String id() {
        return ref.id();
    }
}
