package org.taperoom.appliance.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import org.taperoom.appliance.config.Config;
import org.tinylog.Logger;

/**
 * {@code taperoom <command> [flags]}. Exit status: 0 done, 1 the work failed (one line on
 * stderr says why), 2 the command line or configuration is wrong (one line says what would be right).
 */
public final class Main {
    private Main() {}

    public static void main(String[] argv) {
        int status = run(Arrays.asList(argv), System.out, System.err);
        // Commands that keep threads (serve, demo) return only when they are done.
        System.exit(status);
    }

    static int run(List<String> argv, PrintStream out, PrintStream err) {
        List<Command> commands = Commands.all();
        if (argv.isEmpty() || argv.get(0).equals("--help") || argv.get(0).equals("-h") || argv.get(0).equals("help")) {
            out.print(Help.overview(commands));
            return argv.isEmpty() ? 2 : 0;
        }
        String name = argv.get(0);
        Command cmd = commands.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
        if (cmd == null) {
            String best = org.taperoom.appliance.config.Spelling.closest(name, commands.stream().map(Command::name).toList());
            err.println("taperoom: unknown command '" + name + "'" + (best != null ? " (did you mean '" + best + "'?)" : "")
                    + "; commands: " + String.join(", ", commands.stream().map(Command::name).toList()));
            return 2;
        }
        List<String> rest = argv.subList(1, argv.size());
        if (rest.contains("--help") || rest.contains("-h")) {
            out.print(Help.command(cmd));
            return 0;
        }
        try {
            Args args = Args.parse(cmd, rest, Config.SYSTEM_FILE);
            return cmd.run(args);
        } catch (UsageException e) {
            err.println("taperoom " + cmd.name() + ": " + e.getMessage());
            return 2;
        } catch (Exception e) {
            Logger.debug(e, "taperoom {} failed", cmd.name());
            err.println("taperoom " + cmd.name() + ": " + oneLine(e));
            return 1;
        }
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }
}
