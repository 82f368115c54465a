package org.taperoom.appliance.control;

/**
 * What the status LED shows, as a function of time. Periods are in milliseconds; {@link #lit}
 * takes a monotonic time so every blink keeps its phase.
 *
 * <table>
 * <tr><td>idle</td><td>off</td></tr>
 * <tr><td>recording, stopping</td><td>solid</td></tr>
 * <tr><td>overdubbing (a pass over a song), calibrating</td><td>solid with a 100 ms dark gap every 500 ms (a 2 Hz flicker): the interface plays and records, but not a take</td></tr>
 * <tr><td>waiting for signal</td><td>slow blink, 1 Hz (500 ms on, 500 off)</td></tr>
 * <tr><td>error</td><td>fast blink, 5 Hz (100 ms on, 100 off)</td></tr>
 * <tr><td>disk nearly full, not recording</td><td>double flash every 2 s</td></tr>
 * <tr><td>disk nearly full, recording</td><td>solid with a double dark gap every 2 s</td></tr>
 * </table>
 */
public enum LedPattern {
    OFF, SOLID, SLOW_BLINK, FAST_BLINK, DISK_LOW, RECORDING_DISK_LOW, OVERDUB;

    /** The pattern for a transport state; an error outranks the disk warning. */
    public static LedPattern of(TransportState state, boolean diskLow) {
        return switch (state) {
            case ERROR -> FAST_BLINK;
            case RECORDING, STOPPING -> diskLow ? RECORDING_DISK_LOW : SOLID;
            case OVERDUBBING, CALIBRATING -> OVERDUB;
            case WAITING -> diskLow ? DISK_LOW : SLOW_BLINK;
            case IDLE -> diskLow ? DISK_LOW : OFF;
        };
    }

    public boolean lit(long millis) {
        return switch (this) {
            case OFF -> false;
            case SOLID -> true;
            case SLOW_BLINK -> millis % 1000 < 500;
            case FAST_BLINK -> millis % 200 < 100;
            case DISK_LOW -> doubleFlash(millis % 2000);
            case RECORDING_DISK_LOW -> !doubleFlash(millis % 2000);
            case OVERDUB -> millis % 500 >= 100;
        };
    }

    private static boolean doubleFlash(long phase) {
        return phase < 150 || (phase >= 300 && phase < 450);
    }
}
