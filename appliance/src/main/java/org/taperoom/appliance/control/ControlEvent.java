package org.taperoom.appliance.control;

/**
 * What GPIO, the panel, the command line and the auto-record trigger send to the transport. Every
 * event carries its source ("button", "encoder", "panel", "cli", "auto-record") for the log line
 * each transition writes and for take.json.
 */
public sealed interface ControlEvent {
    String source();

    /**
     * Start a take (ignored unless idle or waiting). {@code pressedNanos} is System.nanoTime() of
     * the press (0 for now): the take's first sample after the pre-roll is the one captured then.
     */
    record Record(String source, long pressedNanos) implements ControlEvent {
        public Record(String source) {
            this(source, 0);
        }
    }

    /** Stop the take (ignored unless recording). */
    record Stop(String source) implements ControlEvent {}

    /** Record when idle or waiting, stop when recording: the one-button wall switch. {@code pressedNanos} as for {@link Record}. */
    record Toggle(String source, long pressedNanos) implements ControlEvent {
        public Toggle(String source) {
            this(source, 0);
        }
    }

    /** Drop a marker at the current position (ignored unless recording). */
    record Marker(String source, String label) implements ControlEvent {}

    /** Arm (true) or disarm (false) auto-record. */
    record AutoRecord(String source, boolean armed) implements ControlEvent {}

    /** Leave the error state once its cause is gone (device back, space freed). */
    record Reset(String source) implements ControlEvent {}

    /**
     * Record a pass over a song while it plays (ignored unless idle or waiting).
     *
     * @param songId the song, or null for the one used last ({@link UseSong})
     * @param inputs the inputs to record, 1-based; empty for the armed inputs
     * @param lanes  a lane name per input, or empty for the default names
     * @param punch  the region to record (punch in/out, loop), or null for the song from its start until stopped
     */
    record Overdub(String source, String songId, java.util.List<Integer> inputs, java.util.List<String> lanes,
                   PassRecorder.Punch punch, PassRecorder.Cue cue) implements ControlEvent {
        public Overdub {
            inputs = java.util.List.copyOf(inputs);
            lanes = java.util.List.copyOf(lanes);
            if (cue == null) cue = PassRecorder.Cue.NONE;
        }

        public Overdub(String source, String songId, java.util.List<Integer> inputs, java.util.List<String> lanes, PassRecorder.Punch punch) {
            this(source, songId, inputs, lanes, punch, PassRecorder.Cue.NONE);
        }

        public Overdub(String source, String songId, java.util.List<Integer> inputs, java.util.List<String> lanes) {
            this(source, songId, inputs, lanes, null, PassRecorder.Cue.NONE);
        }
    }

    /** The overdub button: a pass over the song used last with the armed inputs when idle or waiting, its end when overdubbing. */
    record OverdubToggle(String source) implements ControlEvent {}

    /** Measure the interface's round trip from an output to an input (1-based) through a loopback (ignored unless idle or waiting). */
    record Calibrate(String source, int output, int input) implements ControlEvent {}

    /** A song was opened, made or changed: it is the one an {@link OverdubToggle} records over. */
    record UseSong(String source, String songId) implements ControlEvent {}
}
