package org.taperoom.appliance.sheet;

/** A song sheet that cannot be read or changed as asked; the message names what is wrong. */
public final class SheetException extends Exception {
    public SheetException(String message) {
        super(message);
    }
}
