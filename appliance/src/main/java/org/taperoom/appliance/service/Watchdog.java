package org.taperoom.appliance.service;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.tinylog.Logger;

/**
 * Pings systemd's watchdog ({@code WATCHDOG=1}) at half of {@code WatchdogSec=}, but only when
 * the {@link HealthCheck} finds the capture and writer threads moving. When either is stuck the
 * pings stop, systemd kills the service after the timeout and restarts it, and recovery repairs
 * the take on the next start.
 *
 * <p>Runs on its own daemon thread ("watchdog"), which only reads the engine's counters.
 */
public final class Watchdog implements AutoCloseable {
    private final SystemdNotifier notifier;
    private final Supplier<Progress> progress;
    private final Duration pingInterval;
    /** Owned by the watchdog thread. */
    private final HealthCheck health;
    /** Owned by the watchdog thread. */
    private HealthCheck.Verdict lastVerdict = HealthCheck.Verdict.HEALTHY;
    private ScheduledExecutorService timer;

    /**
     * @param timeout systemd's watchdog timeout; pings go out at half of it
     */
    public Watchdog(SystemdNotifier notifier, Supplier<Progress> progress, Duration timeout) {
        this.notifier = notifier;
        this.progress = progress;
        this.pingInterval = timeout.dividedBy(2);
        this.health = new HealthCheck(progress.get());
    }

    /** The time between checks (half the timeout). */
    public Duration pingInterval() {
        return pingInterval;
    }

    public synchronized void start() {
        if (timer != null) return;
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "watchdog");
            t.setDaemon(true);
            return t;
        });
        long micros = Math.max(1, pingInterval.toNanos() / 1000);
        timer.scheduleAtFixedRate(this::checkAndPing, micros, micros, TimeUnit.MICROSECONDS);
    }

    /** One check; pings when healthy. Returns whether it pinged. */
    boolean checkAndPing() {
        try {
            HealthCheck.Verdict verdict = health.check(progress.get());
            if (verdict != lastVerdict) {
                if (verdict == HealthCheck.Verdict.HEALTHY) {
                    Logger.info("watchdog: the capture and writer threads move again; pinging systemd again");
                } else {
                    Logger.error("watchdog: {}; no more pings, systemd will restart the service", verdict.sentence());
                    notifier.status("unhealthy: " + verdict.sentence());
                }
                lastVerdict = verdict;
            }
            return verdict == HealthCheck.Verdict.HEALTHY && notifier.watchdog();
        } catch (RuntimeException e) {
            // The check itself failing is unhealthy too: no ping, but keep the timer alive.
            Logger.error(e, "watchdog: the health check failed");
            return false;
        }
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }
}
