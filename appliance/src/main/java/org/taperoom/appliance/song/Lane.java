package org.taperoom.appliance.song;

import java.util.ArrayList;
import java.util.List;

/**
 * A lane of a song: its passes, in the order they were recorded, and the one heard
 * ({@code active}, an index into {@code passes}). The lane's name is its key in the song's
 * {@code mix.tracks}.
 */
public record Lane(String name, int active, List<Pass> passes) {
    public Lane {
        passes = List.copyOf(passes);
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a lane has a name");
        if (passes.isEmpty()) throw new IllegalArgumentException("lane " + name + " has no pass");
        if (active < 0 || active >= passes.size()) {
            throw new IllegalArgumentException("lane " + name + ": active pass " + active + " does not exist; passes are 0 to " + (passes.size() - 1));
        }
    }

    public Pass activePass() {
        return passes.get(active);
    }

    /** This lane with {@code pass} added and made the one heard. */
    public Lane withNewPass(Pass pass) {
        List<Pass> more = new ArrayList<>(passes);
        more.add(pass);
        return new Lane(name, more.size() - 1, more);
    }

    public Lane withActive(int index) {
        return new Lane(name, index, passes);
    }
}
