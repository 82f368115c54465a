package org.taperoom.appliance.cli;

import java.util.List;
import org.taperoom.appliance.config.ConfigKey;
import org.taperoom.appliance.config.Schema;

/** The text of {@code taperoom --help} and {@code taperoom <command> --help}. */
final class Help {
    private Help() {}

    static String overview(List<Command> commands) {
        StringBuilder b = new StringBuilder();
        b.append("Taperoom: a multitrack recording appliance.\n\n");
        b.append("Usage: taperoom <command> [flags]\n\nCommands:\n");
        for (Command c : commands) b.append(String.format("  %-10s %s%n", c.name(), c.summary()));
        b.append("\n'taperoom <command> --help' lists a command's flags.\n");
        return b.toString();
    }

    static String command(Command c) {
        StringBuilder b = new StringBuilder();
        b.append("Usage: taperoom ").append(c.name()).append(" [flags]");
        if (!c.positionals().isEmpty()) b.append(' ').append(c.positionals());
        b.append("\n\n").append(c.summary()).append("\n\nFlags:\n");
        for (Flag f : c.flags()) line(b, "--" + f.name() + (f.takesValue() ? " " + f.valueName() : ""), f.description());
        line(b, "--help", "Show this help.");
        if (c.readsConfig()) {
            b.append("\nConfiguration (each file key is also a flag, kebab-case or as the key is spelled: --pre-roll-seconds or\n"
                    + "--preRollSeconds; a flag overrides the file):\n");
            line(b, "--config FILE", "Configuration file to read (default /etc/taperoom/taperoom.conf when it exists).");
            for (ConfigKey<?> k : Schema.all()) {
                line(b, "--" + k.flagName() + " V", k.description() + " Default " + k.defaultText() + "; " + k.expected() + ".");
            }
        }
        return b.toString();
    }

    private static void line(StringBuilder b, String left, String right) {
        if (left.length() > 22) b.append("  ").append(left).append('\n').append(" ".repeat(26)).append(right).append('\n');
        else b.append(String.format("  %-24s%s%n", left, right));
    }
}
