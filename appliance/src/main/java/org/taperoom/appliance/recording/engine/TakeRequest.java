package org.taperoom.appliance.recording.engine;

import java.util.List;

/**
 * What a take should record.
 *
 * @param name        the take's name (becomes the folder slug); empty for an automatic name
 * @param tracks      1-based input numbers to record, in order; empty for every input
 * @param trackNames  a name per entry of {@code tracks} (or per input when {@code tracks} is empty); may be empty
 * @param source      who started it ("button", "panel", "cli", "auto-record") — stored in take.json
 * @param pressedNanos System.nanoTime() of the press that asked for the take (a button's first
 *                     contact edge), so the take starts at that instant and not when the request
 *                     arrives after debounce and scheduling; 0 for "now"
 */
public record TakeRequest(String name, List<Integer> tracks, List<String> trackNames, String source, long pressedNanos) {
    public TakeRequest {
        tracks = List.copyOf(tracks);
        trackNames = List.copyOf(trackNames);
    }

    /** A take that starts now. */
    public TakeRequest(String name, List<Integer> tracks, List<String> trackNames, String source) {
        this(name, tracks, trackNames, source, 0);
    }

    public static TakeRequest everything(String source) {
        return new TakeRequest("", List.of(), List.of(), source);
    }
}
