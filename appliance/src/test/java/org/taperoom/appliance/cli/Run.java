package org.taperoom.appliance.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;

/**
 * One {@code taperoom} command run in this JVM as a user runs it from a shell: its exit status and
 * what it printed (commands print to System.out and System.err, both captured for the run).
 */
record Run(int status, String out, String err) {
    static synchronized Run taperoom(String... argv) {
        PrintStream realOut = System.out;
        PrintStream realErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream o = new PrintStream(out, true); PrintStream e = new PrintStream(err, true)) {
            System.setOut(o);
            System.setErr(e);
            int status = Main.run(List.of(argv), o, e);
            return new Run(status, out.toString(), err.toString());
        } finally {
            System.setOut(realOut);
            System.setErr(realErr);
        }
    }
}
