package org.taperoom.appliance.control;

/**
 * What GPIO, the panel, the command line and the auto-record trigger send to the transport. Every
 * event carries its source ("button", "encoder", "panel", "cli", "auto-record") for the log line
 * each transition writes and for take.json.
 */
public sealed interface ControlEvent {
    String source();

    /** Start a take (ignored unless idle or waiting). */
    record Record(String source) implements ControlEvent {}

    /** Stop the take (ignored unless recording). */
    record Stop(String source) implements ControlEvent {}

    /** Record when idle or waiting, stop when recording: the one-button wall switch. */
    record Toggle(String source) implements ControlEvent {}

    /** Drop a marker at the current position (ignored unless recording). */
    record Marker(String source, String label) implements ControlEvent {}

    /** Arm (true) or disarm (false) auto-record. */
    record AutoRecord(String source, boolean armed) implements ControlEvent {}

    /** Leave the error state once its cause is gone (device back, space freed). */
    record Reset(String source) implements ControlEvent {}
}
