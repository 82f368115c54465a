package org.taperoom.appliance.cli;

/** The command line is wrong. Printed as one line on stderr; the process exits with status 2. */
public class UsageException extends Exception {
    public UsageException(String message) {
        super(message);
    }
}
