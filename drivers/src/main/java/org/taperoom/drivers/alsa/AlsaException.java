package org.taperoom.drivers.alsa;

import org.taperoom.drivers.audio.AudioDeviceException;

/**
 * An alsa-lib call failed. Carries the negative errno ({@link #errorCode()}) and, in the message,
 * what Taperoom was doing, the C function and {@code snd_strerror}'s text.
 */
public final class AlsaException extends AudioDeviceException {
    /** errno values alsa-lib returns negated (asm-generic/errno-base.h, errno.h). */
    public static final int ENOENT = 2;
    public static final int EIO = 5;
    public static final int EAGAIN = 11;
    public static final int EBUSY = 16;
    public static final int ENODEV = 19;
    public static final int EINVAL = 22;
    public static final int EPIPE = 32;
    public static final int ESTRPIPE = 86;
    public static final int EBADFD = 77;

    public AlsaException(String message, int errorCode) {
        super(message, errorCode);
    }

    /** Throws when {@code result} is negative: "{doing}: {function} failed: {strerror}". */
    static int check(AlsaLibrary lib, int result, String doing, String function) throws AlsaException {
        if (result < 0) throw new AlsaException(doing + ": " + function + " failed: " + lib.snd_strerror(result), result);
        return result;
    }
}
