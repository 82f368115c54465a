package org.taperoom.appliance.config;

import java.util.List;

/** Keys read by the ALSA driver (drivers/.../alsa) when the device is not the simulator. */
public final class AlsaKeys {
    private AlsaKeys() {}

    public static final ConfigKey<String> ALSA_CONFIG = ConfigKey.text("alsaConfig", "", false,
            "An extra ALSA configuration file (alsa.conf syntax) whose pcm.NAME definitions --device can name, "
                    + "besides the system's; empty for none. The virtual test rig defines its file-plugin devices this way.");
    public static final ConfigKey<Integer> REALTIME_PRIORITY = ConfigKey.integer("realtimePriority", 70, 0, 99,
            "SCHED_FIFO priority of the capture and playback threads (needs CAP_SYS_NICE or LimitRTPRIO); 0 keeps normal scheduling.");

    public static final ConfigKey<String> ALSA_FORMAT = ConfigKey.oneOf("alsaFormat", "auto",
            List.of("auto", "S16_LE", "S24_3LE", "S24_LE", "S32_LE", "FLOAT_LE"),
            "Sample format to open the ALSA device in: auto takes the one matching the files' bits when the device offers it, "
                    + "else the widest it offers; a name pins that format (for a file-plugin device it is the format of its file).");

    public static final List<ConfigKey<?>> ALL = List.of(ALSA_CONFIG, REALTIME_PRIORITY, ALSA_FORMAT);
}
