package org.taperoom.appliance.recording.take;


/** A take of the library: where it is and what its take.json says. */
public record Take(TakeRef ref, TakeInfo info) {
    public String id() {
        return ref.id();
    }
}
