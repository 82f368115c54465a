package org.taperoom.appliance.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.taperoom.appliance.service.libc.Libc;

class WatchdogTest {

    @Test
    void theCheckIsHealthyOnlyWhileBothCountersAdvance() {
        HealthCheck check = new HealthCheck(new Progress(true, 0, 0));
        assertEquals(HealthCheck.Verdict.HEALTHY, check.check(new Progress(true, 10, 3)));
        assertEquals(HealthCheck.Verdict.CAPTURE_STUCK, check.check(new Progress(true, 10, 4)));
        assertEquals(HealthCheck.Verdict.WRITER_STUCK, check.check(new Progress(true, 11, 4)));
        assertEquals(HealthCheck.Verdict.HEALTHY, check.check(new Progress(true, 12, 5)));
    }

    @Test
    void waitingForADeviceIsHealthyAndSoIsTheFirstCheckAfterItOpens() {
        HealthCheck check = new HealthCheck(new Progress(false, 0, 0));
        assertEquals(HealthCheck.Verdict.HEALTHY, check.check(new Progress(false, 0, 0)));
        assertEquals(HealthCheck.Verdict.HEALTHY, check.check(new Progress(true, 0, 0)));
        assertEquals(HealthCheck.Verdict.CAPTURE_STUCK, check.check(new Progress(true, 0, 0)));
    }

    @Test
    void pingsGoOutAtHalfTheTimeoutWhileTheThreadsMoveAndStopWhenCaptureHangs() throws Exception {
        AtomicReference<Progress> engine = new AtomicReference<>(new Progress(true, 0, 0));
        // The "engine": both counters advance every 10 ms until it is told to hang capture.
        Thread mover = Thread.ofPlatform().daemon().start(() -> {
            try {
                while (true) {
                    Thread.sleep(10);
                    engine.updateAndGet(p -> new Progress(true, p.capturePeriods() + 1, p.writerLoops() + 1));
                }
            } catch (InterruptedException e) {
                // stopped: the capture "hangs" from here on, the writer keeps its last count
            }
        });
        try (NotifySocket socket = NotifySocket.bindAbstract();
             SystemdNotifier notifier = SystemdNotifier.fromEnvironment(Map.of("NOTIFY_SOCKET", socket.name()), 1, Libc.LIBC);
             Watchdog watchdog = new Watchdog(notifier, engine::get, Duration.ofMillis(400))) {
            assertEquals(Duration.ofMillis(200), watchdog.pingInterval());
            watchdog.start();
            long t0 = System.nanoTime();
            List<String> healthy = socket.receiveAll(Duration.ofMillis(1500));
            double seconds = (System.nanoTime() - t0) / 1e9;
            long pings = healthy.stream().filter("WATCHDOG=1"::equals).count();
            System.out.printf("watchdog: %d pings in %.2f s at a 200 ms interval%n", pings, seconds);
            assertTrue(pings >= 3, "expected pings every 200 ms, got " + healthy);

            mover.interrupt();
            mover.join();
            socket.receiveAll(Duration.ofMillis(450)); // a ping already on its way may still arrive
            List<String> stuck = socket.receiveAll(Duration.ofMillis(1200));
            assertFalse(stuck.contains("WATCHDOG=1"), "pings went on while capture hung: " + stuck);
        }
    }

    @Test
    void theStatusSaysWhichThreadIsStuck() throws Exception {
        try (NotifySocket socket = NotifySocket.bindAbstract();
             SystemdNotifier notifier = SystemdNotifier.fromEnvironment(Map.of("NOTIFY_SOCKET", socket.name()), 1, Libc.LIBC)) {
            Progress[] now = {new Progress(true, 5, 5)};
            Watchdog watchdog = new Watchdog(notifier, () -> now[0], Duration.ofSeconds(10));
            now[0] = new Progress(true, 6, 5);
            assertFalse(watchdog.checkAndPing());
            assertEquals("STATUS=unhealthy: " + HealthCheck.Verdict.WRITER_STUCK.sentence(), socket.receive(Duration.ofSeconds(2)));
            now[0] = new Progress(true, 7, 6);
            assertTrue(watchdog.checkAndPing());
            assertEquals("WATCHDOG=1", socket.receive(Duration.ofSeconds(2)));
        }
    }
}
