package org.taperoom.appliance.config;

import java.util.List;

/** The monitor mix: live inputs heard on an output pair beside the playing song during an overdub. */
public final class MonitorKeys {
    private MonitorKeys() {}

    private static final String NUMBER = "[-+]?\\d+(\\.\\d+)?";
    private static final String INPUT = "\\s*\\d+(:" + NUMBER + "(:" + NUMBER + "(:mute)?)?)?\\s*";

    public static final ConfigKey<Boolean> MONITOR_ON = ConfigKey.bool("monitorOn", false,
            "Whether the inputs of monitorMix are heard on the monitor outputs while a pass records (off by default: many interfaces "
                    + "monitor directly).");

    public static final ConfigKey<String> MONITOR_MIX = ConfigKey.matching("monitorMix", "", "(" + INPUT + "(," + INPUT + ")*)?",
            "inputs as INPUT[:LEVEL_DB[:PAN[:mute]]] joined by commas (e.g. 1:-6:-1,2:-6:1), or nothing",
            "Inputs heard on the monitor outputs with the song while a pass records (when monitorOn), each with a level in dB, a pan "
                    + "from -1 (left) to 1 (right) and 'mute' to keep it silent, two periods behind the input beyond what the output "
                    + "buffers (the least a paced device allows).");

    public static final ConfigKey<String> MONITOR_OUTPUTS = ConfigKey.matching("monitorOutputs", "1-2", "\\s*\\d+\\s*-\\s*\\d+\\s*",
            "two neighbouring outputs such as 1-2 or 3-4",
            "The output pair a pass is heard on: the song, the monitored inputs and the click (the song also stays on outputs 1-2). "
                    + "Checked against the device when a pass starts.");

    public static final List<ConfigKey<?>> ALL = List.of(MONITOR_ON, MONITOR_MIX, MONITOR_OUTPUTS);
}
