package org.taperoom.drivers.gpio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A debounced, active-low button driven through Pi4J's mock provider. */
class ButtonTest {
    private static final int PIN = 17;
    private static final int DEBOUNCE_MILLIS = 20;

    private Pi4jGpio gpio;
    private MockPins pins;
    private ScheduledExecutorService timer;
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final List<Long> pressTimes = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() throws GpioException {
        gpio = Pi4jGpio.mock();
        pins = new MockPins(gpio);
        timer = Executors.newSingleThreadScheduledExecutor();
        new Button(gpio, PIN, "record button", DEBOUNCE_MILLIS, 300, timer, new Button.Listener() {
            @Override public void pressed(long pressNanos) { events.add("pressed"); pressTimes.add(pressNanos); }
            @Override public void released(long heldMillis) { events.add("released"); }
            @Override public void longPressed() { events.add("long"); }
        });
    }

    @AfterEach
    void close() {
        timer.shutdownNow();
        gpio.close();
    }

    /** Contact bounce: the level flips every ~0.3 ms a few times before it stays. */
    private void bounceTo(boolean high) throws InterruptedException {
        for (int i = 0; i < 6; i++) {
            pins.drive(PIN, high);
            Thread.sleep(0, 300_000);
            pins.drive(PIN, !high);
            Thread.sleep(0, 300_000);
        }
        pins.drive(PIN, high);
    }

    private void awaitEvents(int n) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (events.size() < n && System.nanoTime() < end) Thread.sleep(2);
    }

    @Test
    void aBouncingPressAndReleaseAreReportedOnceEach() throws InterruptedException {
        long firstEdge = System.nanoTime();
        bounceTo(false);
        awaitEvents(1);
        Thread.sleep(DEBOUNCE_MILLIS * 3);
        assertEquals(List.of("pressed"), events);
        assertTrue(pressTimes.get(0) >= firstEdge, "the press time is the contact's first edge, not the settle time");

        bounceTo(true);
        awaitEvents(2);
        Thread.sleep(DEBOUNCE_MILLIS * 3);
        assertEquals(List.of("pressed", "released"), events);
    }

    @Test
    void aSpikeShorterThanTheDebounceTimeIsNoPress() throws InterruptedException {
        pins.drive(PIN, false);
        Thread.sleep(2);
        pins.drive(PIN, true);
        Thread.sleep(DEBOUNCE_MILLIS * 5);
        assertEquals(List.of(), events);
    }

    @Test
    void aPressIsReportedWithinBouncePlusDebounceOfTheFirstEdge() throws InterruptedException {
        long first = System.nanoTime();
        bounceTo(false);
        long bounceEnd = System.nanoTime();
        awaitEvents(1);
        long reported = System.nanoTime();
        double bounceMillis = (bounceEnd - first) / 1e6;
        double latencyMillis = (reported - first) / 1e6;
        System.out.printf("button: bounce %.1f ms, press reported %.1f ms after the first edge (debounce %d ms)%n",
                bounceMillis, latencyMillis, DEBOUNCE_MILLIS);
        assertEquals(List.of("pressed"), events);
        // Generous margin for a loaded 2-core machine: the timer thread may be scheduled late.
        assertTrue(latencyMillis < bounceMillis + DEBOUNCE_MILLIS + 200, "reported after " + latencyMillis + " ms");
        assertTrue(latencyMillis >= DEBOUNCE_MILLIS, "a press must not be accepted before it held for the debounce time");
    }

    @Test
    void holdingTheButtonReportsOneLongPressAndAShortPressNone() throws InterruptedException {
        bounceTo(false);
        Thread.sleep(100);
        bounceTo(true);
        Thread.sleep(400);
        assertEquals(List.of("pressed", "released"), events);

        bounceTo(false);
        Thread.sleep(700);
        assertEquals(List.of("pressed", "released", "pressed", "long"), events);
        bounceTo(true);
        awaitEvents(5);
        assertEquals(List.of("pressed", "released", "pressed", "long", "released"), events);
    }

    @Test
    void aPressHeldLongerThanTheDebounceTimeCountsEvenWhenTheCheckComesLate() {
        long ms = 1_000_000L;
        Debouncer d = new Debouncer(true, 20 * ms);
        assertEquals(false, d.edge(false, 0));
        assertEquals(false, d.edge(true, 1 * ms));
        assertEquals(false, d.edge(false, 2 * ms));
        // Nobody checked in time (a busy machine); the release 30 ms later shows the press had held.
        assertEquals(true, d.edge(true, 32 * ms));
        assertEquals(false, d.level(), "pressed (low) became the stable level");
        assertEquals(0, d.acceptedBurstStartNanos(), "the press dates from its first edge");
        assertEquals(true, d.settle(60 * ms));
        assertEquals(true, d.level(), "then the release settles");
    }
}
