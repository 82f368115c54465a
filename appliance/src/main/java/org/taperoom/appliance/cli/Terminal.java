package org.taperoom.appliance.cli;

import java.io.Console;

/** Whether standard output is a person's terminal (a live meter view) or a pipe, file or journal. */
final class Terminal {
    private Terminal() {}

    /**
     * From JDK 22 {@link System#console()} returns a console even when output is redirected, and
     * only {@code Console.isTerminal()} (absent in release 21, so called reflectively) tells them
     * apart; on JDK 21 a redirected process has no console at all.
     */
    static boolean isStdout() {
        Console console = System.console();
        if (console == null) return false;
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
