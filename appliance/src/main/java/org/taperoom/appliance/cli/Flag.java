package org.taperoom.appliance.cli;

/**
 * One command-line flag of a command.
 *
 * @param name        without the leading dashes ({@code seconds} for {@code --seconds})
 * @param valueName   the placeholder shown in help ({@code S}), or {@code null} for a switch that takes no value
 * @param description one sentence for {@code --help}
 */
public record Flag(String name, String valueName, String description) {
    public static Flag value(String name, String valueName, String description) {
        return new Flag(name, valueName, description);
    }

    public static Flag toggle(String name, String description) {
        return new Flag(name, null, description);
    }

    public boolean takesValue() {
        return valueName != null;
    }
}
