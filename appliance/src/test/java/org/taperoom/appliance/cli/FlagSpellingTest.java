package org.taperoom.appliance.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.taperoom.appliance.config.RecordingKeys;

/** One style for every flag: kebab-case, as Unix tools spell them, with the configuration key's own name accepted too. */
class FlagSpellingTest {
    private static final Pattern FLAG = Pattern.compile("^\\s+--(\\S+)", Pattern.MULTILINE);

    @Test
    void everyFlagInEveryCommandsHelpIsKebabCase() {
        for (Command c : Commands.all()) {
            Matcher m = FLAG.matcher(Help.command(c));
            int flags = 0;
            while (m.find()) {
                flags++;
                assertTrue(m.group(1).matches("[a-z0-9]+(-[a-z0-9]+)*"), c.name() + " --help lists --" + m.group(1));
            }
            assertTrue(flags > 0, c.name() + " --help lists no flag");
        }
    }

    @Test
    void aConfigurationKeyIsAFlagInKebabCaseAndUnderItsOwnName() throws Exception {
        Command record = new RecordCommand();
        Args kebab = Args.parse(record, List.of("--pre-roll-seconds", "3"), null);
        Args camel = Args.parse(record, List.of("--preRollSeconds=4"), null);
        assertEquals(3.0, kebab.config().get(RecordingKeys.PRE_ROLL_SECONDS));
        assertEquals(4.0, camel.config().get(RecordingKeys.PRE_ROLL_SECONDS));
        assertTrue(kebab.gave(RecordingKeys.PRE_ROLL_SECONDS), "a kebab-case flag counts as giving the key");
    }

    @Test
    void aMistypedKebabFlagIsAnsweredWithTheKebabSpelling() {
        UsageException e = org.junit.jupiter.api.Assertions.assertThrows(UsageException.class,
                () -> Args.parse(new RecordCommand(), List.of("--pre-rol-seconds", "3"), null));
        assertTrue(e.getMessage().contains("did you mean --pre-roll-seconds?"), e.getMessage());
    }
}
