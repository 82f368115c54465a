package org.taperoom.appliance.config;

import java.util.List;

/** The monitor mix: live inputs heard on the outputs beside the playing song during an overdub. */
public final class MonitorKeys {
    private MonitorKeys() {}

    private static final String NUMBER = "[-+]?\\d+(\\.\\d+)?";
    private static final String INPUT = "\\s*\\d+(:" + NUMBER + "(:" + NUMBER + ")?)?\\s*";

    public static final ConfigKey<String> MONITOR_MIX = ConfigKey.matching("monitorMix", "", "(" + INPUT + "(," + INPUT + ")*)?",
            "inputs as INPUT[:LEVEL_DB[:PAN]] joined by commas (e.g. 1:-6:-1,2:-6:1), or nothing",
            "Inputs heard on the outputs with the song while a pass records, each with a level in dB and a pan from -1 (left) "
                    + "to 1 (right), one output buffer behind the input (the least a paced device allows); empty for none "
                    + "(off: many interfaces monitor directly).");

    public static final List<ConfigKey<?>> ALL = List.of(MONITOR_MIX);
}
