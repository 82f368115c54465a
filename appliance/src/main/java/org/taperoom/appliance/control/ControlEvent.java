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
}
