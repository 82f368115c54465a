package org.taperoom.drivers.alsa;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import org.tinylog.Logger;

/**
 * Raises the calling thread to {@code SCHED_FIFO} through libc, so the kernel runs the capture
 * thread ahead of everything else. Needs CAP_SYS_NICE or an RLIMIT_RTPRIO (the systemd unit's
 * {@code LimitRTPRIO=}); without it the thread keeps running at normal priority and one line says
 * so. Call it on the capture thread before {@code start()}: it allocates and logs.
 */
public final class RealtimeScheduling {
    private RealtimeScheduling() {}

    /**
     * Asks for SCHED_FIFO at {@code priority} (1..99, clamped to the system's maximum) for the
     * calling thread. Returns whether it was granted.
     */
    public static boolean raiseCallingThreadToFifo(int priority) {
        String thread = Thread.currentThread().getName();
        int tid;
        try {
            tid = Libc.currentTid();
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            Logger.warn("thread '{}' keeps normal scheduling: libc is not reachable ({})", thread, e.getMessage());
            return false;
        }
        if (tid <= 0) {
            Logger.warn("thread '{}' keeps normal scheduling: cannot find its thread id on {}", thread, System.getProperty("os.arch"));
            return false;
        }
        int max = Libc.sched_get_priority_max(Libc.SCHED_FIFO);
        int p = Math.max(1, Math.min(priority, max > 0 ? max : 99));
        try (Memory param = new Memory(4)) { // struct sched_param { int sched_priority; }
            param.setInt(0, p);
            if (Libc.sched_setscheduler(tid, Libc.SCHED_FIFO, param) != 0) {
                int errno = Native.getLastError();
                Logger.warn("thread '{}' keeps normal scheduling: SCHED_FIFO priority {} not permitted (errno {}); "
                        + "give the service CAP_SYS_NICE or LimitRTPRIO={} to raise it", thread, p, errno, p);
                return false;
            }
        }
        Logger.info("thread '{}' (tid {}) runs SCHED_FIFO at priority {}", thread, tid, p);
        return true;
    }

    /** The calling thread's policy as the kernel reports it ({@code 0} other, {@code 1} FIFO), or -1. */
    public static int callingThreadPolicy() {
        int tid = Libc.currentTid();
        return tid <= 0 ? -1 : Libc.sched_getscheduler(tid);
    }
}
