package org.taperoom.drivers.gpio;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.tinylog.Logger;

/**
 * A push button wired from a GPIO pin to ground (active-low, internal pull-up), debounced by
 * {@link Debouncer}. A press is reported once the contact has settled, at most the bounce time
 * plus {@code debounceMillis} after the contact closed; the reported time is the first edge.
 *
 * <p>Threading: edges arrive on GPIO threads; every {@link Listener} call is made on {@code timer}
 * (one thread), never on a Pi4J thread, so a listener's exception is not swallowed by Pi4J.
 */
public final class Button {

    /** What a button reports; every call runs on the button's timer thread. */
    public interface Listener {
        /** The button went down; {@code pressNanos} is {@link System#nanoTime()} of the contact's first edge. */
        void pressed(long pressNanos);

        /** The button went up after {@code heldMillis}. */
        default void released(long heldMillis) {}

        /** The button is still down {@code longPressMillis} after the press (once per press). */
        default void longPressed() {}
    }

    private final String function;
    private final long debounceNanos;
    private final long longPressNanos;
    private final ScheduledExecutorService timer;
    private final Listener listener;
    private final Gpio.Input input;
    /** Guarded by this: written by GPIO threads and the timer thread. */
    private final Debouncer debouncer;
    /** Guarded by this: settled changes not yet told to the listener. */
    private final java.util.ArrayDeque<Change> changes = new java.util.ArrayDeque<>();
    /** Guarded by this: counts presses so a stale long-press check does nothing. */
    private long pressCount;
    /** Guarded by this. */
    private long pressNanos;

    public Button(Gpio gpio, int bcm, String function, int debounceMillis, int longPressMillis,
                  ScheduledExecutorService timer, Listener listener) throws GpioException {
        this.function = function;
        this.debounceNanos = TimeUnit.MILLISECONDS.toNanos(debounceMillis);
        this.longPressNanos = TimeUnit.MILLISECONDS.toNanos(longPressMillis);
        this.timer = timer;
        this.listener = listener;
        // Start the timer's thread and link the delivery path now rather than at the first press.
        timer.execute(this::deliver);
        synchronized (this) {
            this.input = gpio.openInput(bcm, function, this::onEdge);
            this.debouncer = new Debouncer(input.isHigh(), debounceNanos);
        }
    }

    public String function() {
        return function;
    }

    /** The debounced state: true while the button is held down. */
    public synchronized boolean isDown() {
        return !debouncer.level();
    }

    /** A settled level change, in the order they happened. */
    private record Change(boolean down, long burstStartNanos) {}

    private void onEdge(boolean high, long nanos) {
        long delayNanos;
        boolean accepted;
        synchronized (this) {
            if (debouncer == null) return; // an edge during construction; the initial read covers it
            accepted = debouncer.edge(high, nanos);
            if (accepted) changes.add(new Change(!debouncer.level(), debouncer.acceptedBurstStartNanos()));
            delayNanos = Math.max(0, debouncer.settleDueNanos() - System.nanoTime());
        }
        if (accepted) timer.execute(this::deliver);
        timer.schedule(this::settle, delayNanos, TimeUnit.NANOSECONDS);
    }

    private void settle() {
        synchronized (this) {
            if (debouncer.settle(System.nanoTime())) {
                changes.add(new Change(!debouncer.level(), debouncer.acceptedBurstStartNanos()));
            }
        }
        deliver();
    }

    /** On the timer thread: tells the listener every settled change, in order. */
    private void deliver() {
        while (true) {
            Change c;
            long count;
            long heldNanos = 0;
            synchronized (this) {
                c = changes.poll();
                if (c == null) return;
                if (c.down()) {
                    pressNanos = c.burstStartNanos();
                    count = ++pressCount;
                } else {
                    count = pressCount;
                    heldNanos = c.burstStartNanos() - pressNanos;
                }
            }
            if (c.down()) {
                // The press goes out first; the long-press check is scheduled after it.
                try {
                    listener.pressed(c.burstStartNanos());
                } catch (RuntimeException e) {
                    Logger.error(e, "the {} listener failed", function);
                }
                long delay = Math.max(0, c.burstStartNanos() + longPressNanos - System.nanoTime());
                timer.schedule(() -> checkLongPress(count), delay, TimeUnit.NANOSECONDS);
            } else {
                long held = TimeUnit.NANOSECONDS.toMillis(heldNanos);
                tell(() -> listener.released(held));
            }
        }
    }

    /** Runs a listener call; a failure is logged (the timer would swallow it) and the button keeps working. */
    private void tell(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            Logger.error(e, "the {} listener failed", function);
        }
    }

    private void checkLongPress(long press) {
        synchronized (this) {
            if (press != pressCount || debouncer.level()) return;
        }
        tell(listener::longPressed);
    }
}
