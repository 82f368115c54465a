package org.taperoom.appliance.service;

import com.sun.jna.LastErrorException;
import org.taperoom.appliance.service.libc.Libc;

/**
 * Raises the calling thread, and only it, to SCHED_FIFO: the capture thread calls this once when it
 * starts, before its loop. taperoom.service allows it with {@code LimitRTPRIO=80} and sets no
 * unit-wide policy, so the JVM's other threads (GC, JIT, panel) keep the normal scheduler.
 */
public final class Realtime {
    private Realtime() {}

    /**
     * Tries to make the calling thread SCHED_FIFO at {@code priority} (1-99).
     *
     * @return null when it worked, else one sentence saying why not (the thread keeps running at
     *         the normal policy; recording still works, with more risk of overruns on a busy board)
     */
    public static String raiseCallingThread(int priority) {
        return raiseCallingThread(Libc.LIBC, priority);
    }

    static String raiseCallingThread(Libc libc, int priority) {
        if (priority < 1 || priority > 99) throw new IllegalArgumentException("SCHED_FIFO priority " + priority + ": expected 1 to 99");
        try {
            libc.sched_setscheduler(0, Libc.SCHED_FIFO, new int[] {priority});
            return null;
        } catch (LastErrorException e) {
            String why = libc.strerror(e.getErrorCode());
            return e.getErrorCode() == Libc.EPERM
                    ? "real-time priority " + priority + " refused (" + why + "): raise LimitRTPRIO in taperoom.service or add the user to a group with an rtprio limit"
                    : "real-time priority " + priority + " refused: " + why;
        }
    }

    /** Whether the calling thread runs SCHED_FIFO. */
    public static boolean callingThreadIsFifo() {
        return Libc.LIBC.sched_getscheduler(0) == Libc.SCHED_FIFO;
    }
}
