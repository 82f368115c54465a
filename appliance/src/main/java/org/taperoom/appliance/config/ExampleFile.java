package org.taperoom.appliance.config;

/**
 * The text of the shipped example configuration file ({@code taperoom.conf.example}): every key of
 * the {@link Schema}, grouped, with its description, what values it takes and its default, commented
 * out so the file changes nothing until a line is uncommented. A test keeps the shipped file equal
 * to this text.
 */
public final class ExampleFile {
    private static final int WIDTH = 96;

    private ExampleFile() {}

    public static String render() {
        StringBuilder b = new StringBuilder();
        b.append("# Taperoom configuration: /etc/taperoom/taperoom.conf, or any file given with --config FILE.\n");
        b.append("#\n");
        b.append("# Lines are 'key = value'; lines starting with '#' are comments. Every key is optional: the\n");
        b.append("# value shown is the default. Every key is also a command-line flag (--key value) that\n");
        b.append("# overrides this file. An unknown key or a bad value stops the program with a message that\n");
        b.append("# names the key and the line.\n");
        b.append("#\n");
        b.append("# Generated from the configuration schema; after adding a key, regenerate with\n");
        b.append("#   mvn -pl appliance -am verify -Dtest=ExampleConfigTest -Dsurefire.failIfNoSpecifiedTests=false -Dtaperoom.writeExample=true\n");
        for (Schema.Group g : Schema.GROUPS) {
            b.append("\n# ").append("=".repeat(WIDTH - 2)).append('\n');
            b.append("# ").append(g.title()).append('\n');
            b.append("# ").append("=".repeat(WIDTH - 2)).append('\n');
            for (ConfigKey<?> k : g.keys()) {
                b.append('\n');
                wrap(b, k.description() + " Takes " + k.expected() + ".");
                b.append('#').append(k.name()).append(" = ").append(k.defaultText()).append('\n');
            }
        }
        return b.toString();
    }

    private static void wrap(StringBuilder b, String text) {
        StringBuilder line = new StringBuilder("#");
        for (String word : text.split(" ")) {
            if (line.length() + 1 + word.length() > WIDTH && line.length() > 1) {
                b.append(line).append('\n');
                line = new StringBuilder("#");
            }
            line.append(' ').append(word);
        }
        b.append(line).append('\n');
    }
}
