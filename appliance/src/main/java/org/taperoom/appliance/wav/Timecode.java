package org.taperoom.appliance.wav;

/**
 * A timecode frame rate as iXML writes it: {@code numerator/denominator} and whether the count
 * drops frames. Taperoom has no timecode input; the rate only says how the first sample's
 * position (samples since midnight) reads as hours:minutes:seconds:frames in an editor.
 */
public record Timecode(int numerator, int denominator, boolean dropFrame) {
    /** 25 frames per second, non-drop: the EBU rate, with nothing to get wrong about dropped frames. */
    public static final Timecode DEFAULT = of("25");

    /** The rate of its usual name: 23.976, 24, 25, 29.97, 29.97DF (drop-frame), 30, 50, 59.94 or 60. */
    public static Timecode of(String name) {
        return switch (name.toUpperCase(java.util.Locale.ROOT)) {
            case "23.976" -> new Timecode(24000, 1001, false);
            case "24" -> new Timecode(24, 1, false);
            case "25" -> new Timecode(25, 1, false);
            case "29.97" -> new Timecode(30000, 1001, false);
            case "29.97DF" -> new Timecode(30000, 1001, true);
            case "30" -> new Timecode(30, 1, false);
            case "50" -> new Timecode(50, 1, false);
            case "59.94" -> new Timecode(60000, 1001, false);
            case "60" -> new Timecode(60, 1, false);
            default -> throw new IllegalArgumentException("timecode rate must be 23.976, 24, 25, 29.97, 29.97DF, 30, 50, 59.94 or 60, not "
                    + name);
        };
    }

    /** iXML's TIMECODE_RATE: "25/1", "30000/1001". */
    public String rate() {
        return numerator + "/" + denominator;
    }

    /** iXML's TIMECODE_FLAG: "DF" or "NDF". */
    public String flag() {
        return dropFrame ? "DF" : "NDF";
    }

    /** The speed as Sound Devices writes it in the bext description: "025.000-ND", "029.970-DF". */
    public String soundDevicesSpeed() {
        return String.format(java.util.Locale.ROOT, "%07.3f-%s", (double) numerator / denominator, dropFrame ? "DF" : "ND");
    }
}
