package org.taperoom.appliance.playback;

/**
 * The output pair the monitor feed goes to ({@code monitorOutputs}, written {@code 3-4}): during a
 * pass the song, the monitored inputs and the click are heard there; the song also stays on
 * outputs 1-2 (the room's main outputs) when the pair is another one. Outputs are 1-based.
 */
public record MonitorOutputs(int first) {
    /** Outputs 1 and 2. */
    public static final MonitorOutputs MAIN = new MonitorOutputs(1);

    public MonitorOutputs {
        if (first < 1 || first > 63) throw new IllegalArgumentException("monitor outputs must be a pair from 1-2 to 63-64, not " + first + "-" + (first + 1));
    }

    /** Parses {@code N-(N+1)}, e.g. {@code 3-4}; the message names what is wrong. */
    public static MonitorOutputs parse(String text) {
        String t = text == null ? "" : text.strip();
        String[] f = t.split("-");
        try {
            if (f.length == 2) {
                int a = Integer.parseInt(f[0].strip());
                int b = Integer.parseInt(f[1].strip());
                if (b == a + 1) return new MonitorOutputs(a);
            }
        } catch (NumberFormatException e) {
            // the message below says what a pair looks like
        }
        throw new IllegalArgumentException("monitor outputs must be two neighbouring outputs such as 1-2 or 3-4, not '" + t + "'");
    }

    /** The pair's first channel, 0-based. */
    public int firstChannel() {
        return first - 1;
    }

    /** The output channels a stream needs to reach the pair (at least the main pair). */
    public int channelsNeeded() {
        return Math.max(2, first + 1);
    }

    @Override
    public String toString() {
        return first + "-" + (first + 1);
    }
}
