package org.taperoom.appliance.config;

import java.util.List;

/** Keys read by the web panel (the {@code web-panel} module, started by {@code serve} and {@code demo}). */
public final class PanelKeys {
    private PanelKeys() {}

    public static final ConfigKey<String> ADDRESS = ConfigKey.text("panelAddress", "0.0.0.0", true,
            "Address the panel listens on: 0.0.0.0 for every interface, 127.0.0.1 for this machine only."
                    + " Any address but loopback needs panelPinHash.");
    public static final ConfigKey<Integer> PORT = ConfigKey.integer("panelPort", 8080, 0, 65535,
            "TCP port of the panel (0 picks a free one).");
    public static final ConfigKey<String> PIN_HASH = ConfigKey.matching("panelPinHash", "",
            "pbkdf2-sha256\\$[0-9]{4,7}\\$[A-Za-z0-9_-]{16,64}\\$[A-Za-z0-9_-]{32,88}|",
            "empty or a hash as made by PinHash.of (pbkdf2-sha256$ITERATIONS$SALT$HASH)",
            "The panel PIN, hashed with PBKDF2-SHA256 (the panel's Settings page writes it; never the plain PIN)."
                    + " Empty means no PIN, which the panel accepts only on a loopback address.");
    public static final ConfigKey<String> HOST_NAMES = ConfigKey.matching("panelHostNames", "",
            "[A-Za-z0-9][A-Za-z0-9.-]{0,252}(, *[A-Za-z0-9][A-Za-z0-9.-]{0,252})*|",
            "empty or host names separated by commas (recorder.lan, studio.example.org)",
            "Names the panel answers to besides localhost, this machine's host name, its .local name and its addresses:"
                    + " a name the network's DNS gives it (recorder.lan). A request naming any other host is refused"
                    + " (421), so a page from another site whose name was pointed at the appliance cannot use it.");
    public static final ConfigKey<Integer> SESSION_MINUTES = ConfigKey.integer("panelSessionMinutes", 720, 1, 525600,
            "Minutes a panel login stays valid without use.");

    public static final List<ConfigKey<?>> ALL = List.of(ADDRESS, PORT, PIN_HASH, HOST_NAMES, SESSION_MINUTES);
}
