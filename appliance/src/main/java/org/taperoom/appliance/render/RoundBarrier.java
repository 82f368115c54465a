package org.taperoom.appliance.render;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The barrier between the mixdown's rounds: like {@link java.util.concurrent.CyclicBarrier}
 * (the last party to arrive runs the action, then all go on), but a waiting party spins for a
 * short while before it sleeps. A round lasts about a millisecond; parking and waking a thread
 * took a tenth of that at every barrier (0.3 s of a 3-minute render on each thread), and the
 * other party usually arrives within microseconds.
 *
 * <p>Thread-safe. The action's writes happen before every party's return from {@link #await}
 * (a volatile write of the generation, read by every waiter).
 */
final class RoundBarrier {
    /** Longest spin before sleeping: a few rounds' worth of imbalance, not a busy machine's worth of CPU. */
    private static final long SPIN_NANOS = 100_000;
    private final int parties;
    private final Runnable action;
    private final AtomicInteger arrived = new AtomicInteger();
    private final Object lock = new Object();
    private volatile int generation;
    private volatile boolean broken;

    RoundBarrier(int parties, Runnable action) {
        this.parties = parties;
        this.action = action;
    }

    /** Waits for the other parties; the last to arrive runs the action first. */
    void await() throws InterruptedException, BrokenBarrierException {
        int gen = generation;
        if (broken) throw new BrokenBarrierException();
        if (arrived.incrementAndGet() == parties) {
            arrived.set(0);
            try {
                action.run();
            } catch (RuntimeException | Error e) {
                breakBarrier();
                throw e;
            }
            synchronized (lock) {
                generation = gen + 1;
                lock.notifyAll();
            }
            return;
        }
        long spinUntil = System.nanoTime() + SPIN_NANOS;
        for (int spins = 0; generation == gen && !broken; spins++) {
            if ((spins & 63) == 0 && System.nanoTime() > spinUntil) break;
            Thread.onSpinWait();
        }
        synchronized (lock) {
            while (generation == gen && !broken) lock.wait();
        }
        if (generation == gen) throw new BrokenBarrierException();
    }

    /** Releases every waiting party with {@link BrokenBarrierException}, now and at every later await. */
    void breakBarrier() {
        synchronized (lock) {
            broken = true;
            lock.notifyAll();
        }
    }
}
