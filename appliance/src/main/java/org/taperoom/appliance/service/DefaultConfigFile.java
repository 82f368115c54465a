package org.taperoom.appliance.service;

import org.taperoom.appliance.config.ConfigKey;
import org.taperoom.appliance.config.Schema;

/**
 * The text of the documented default {@code /etc/taperoom/taperoom.conf}: every key of the
 * {@link Schema}, commented out at its default, with its sentence and what it accepts. The
 * package ships it as a conffile ({@code systemd/taperoom.conf}, regenerated with
 * {@code taperoom serve --print-default-config}).
 */
public final class DefaultConfigFile {
    private DefaultConfigFile() {}

    public static String text() {
        StringBuilder b = new StringBuilder();
        b.append("# Taperoom configuration, read by `taperoom serve` (the taperoom service) at start.\n");
        b.append("# Lines are `key = value`; `#` starts a comment. Every key below is shown at its default,\n");
        b.append("# commented out: remove the `#` and change the value to change it. An unknown key or a bad\n");
        b.append("# value stops the service with a line naming the key and the line number\n");
        b.append("# (`systemctl status taperoom`, `journalctl -u taperoom`).\n");
        b.append("# Every key is also a flag of the commands that record: `taperoom record --channels 8`.\n");
        for (Schema.Group g : Schema.GROUPS) {
            b.append("\n# ---- ").append(g.title()).append(" ----\n");
            for (ConfigKey<?> k : g.keys()) {
                b.append('\n');
                wrapped(b, k.description());
                b.append("# Accepts ").append(k.expected()).append(".\n");
                b.append("#").append(k.name()).append(" = ").append(k.defaultText()).append('\n');
            }
        }
        return b.toString();
    }

    /** Appends {@code sentence} as comment lines of at most 100 characters. */
    private static void wrapped(StringBuilder b, String sentence) {
        StringBuilder line = new StringBuilder("#");
        for (String word : sentence.split(" ")) {
            if (line.length() > 1 && line.length() + 1 + word.length() > 100) {
                b.append(line).append('\n');
                line = new StringBuilder("#");
            }
            line.append(' ').append(word);
        }
        b.append(line).append('\n');
    }
}
