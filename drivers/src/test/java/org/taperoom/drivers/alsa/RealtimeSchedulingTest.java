package org.taperoom.drivers.alsa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * SCHED_FIFO for the calling thread (the capture thread raises itself when it starts): granted exactly
 * where another program (chrt) is granted it, the kernel agrees with what we report, and no other thread changes policy (the JVM's
 * GC, JIT and panel threads must keep the normal scheduler).
 */
class RealtimeSchedulingTest {
    @Test
    void theReportedOutcomeMatchesTheThreadsPolicyInTheKernel() throws Exception {
        AtomicInteger granted = new AtomicInteger();
        AtomicInteger before = new AtomicInteger();
        AtomicInteger after = new AtomicInteger();
        Thread t = new Thread(() -> {
            before.set(RealtimeScheduling.callingThreadPolicy());
            granted.set(RealtimeScheduling.raiseCallingThreadToFifo(10) ? 1 : 0);
            after.set(RealtimeScheduling.callingThreadPolicy());
        }, "fifo-probe");
        t.start();
        t.join();
        boolean permitted = fifoPermittedHere();
        System.out.println("SCHED_FIFO " + (granted.get() == 1 ? "granted" : "refused") + " here (chrt says "
                + (permitted ? "permitted" : "refused") + "); policy before " + before.get() + ", after " + after.get());
        assertEquals(permitted, granted.get() == 1, "we report what the environment allows, as an independent chrt finds it");
        assertEquals(0, before.get(), "a new thread starts as SCHED_OTHER");
        assertEquals(granted.get() == 1 ? 1 : 0, after.get());
        assertEquals(0, RealtimeScheduling.callingThreadPolicy(), "the thread that started the probe keeps SCHED_OTHER");
    }

    /** Whether this process may run at SCHED_FIFO 10, asked of util-linux's chrt (another program, same limits). */
    private static boolean fifoPermittedHere() throws Exception {
        Process p = new ProcessBuilder("chrt", "-f", "10", "true").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor() == 0;
    }
}
