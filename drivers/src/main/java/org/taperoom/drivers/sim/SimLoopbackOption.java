package org.taperoom.drivers.sim;

/** The {@code loopback=FRAMES} option of a simulator device name ({@code sim:unpaced,loopback=37}). */
final class SimLoopbackOption {
    private SimLoopbackOption() {}

    /** The frames of the name's loopback option, or null when it has none. */
    static Long frames(String deviceName) {
        Long frames = null;
        for (String part : parts(deviceName)) {
            String p = part.trim();
            if (!p.toLowerCase(java.util.Locale.ROOT).startsWith("loopback=")) continue;
            String value = p.substring("loopback=".length());
            try {
                frames = Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("simulator option loopback needs a number of frames, not '" + value + "'");
            }
            if (frames < 0 || frames > 1 << 23) throw new IllegalArgumentException("simulator option loopback: 0 to 8388608 frames, not " + frames);
        }
        return frames;
    }

    /** The name without its loopback option, for the other options' parser. */
    static String without(String deviceName) {
        if (!deviceName.startsWith(SimBackend.DEVICE_NAME + ":")) return deviceName;
        StringBuilder b = new StringBuilder();
        for (String part : parts(deviceName)) {
            if (part.trim().toLowerCase(java.util.Locale.ROOT).startsWith("loopback=")) continue;
            if (!b.isEmpty()) b.append(',');
            b.append(part);
        }
        return b.isEmpty() ? SimBackend.DEVICE_NAME : SimBackend.DEVICE_NAME + ":" + b;
    }

    private static String[] parts(String deviceName) {
        return deviceName.startsWith(SimBackend.DEVICE_NAME + ":") ? deviceName.substring(4).split(",") : new String[0];
    }
}
