package org.taperoom.appliance.service;

/**
 * Decides, once per watchdog interval, whether the service is healthy: while the device is open,
 * both the capture and the writer thread must have made progress since the previous check. A
 * bare timer would keep pinging while the capture thread hangs; this does not.
 *
 * <p>Not thread-safe: called by the watchdog's one thread.
 */
public final class HealthCheck {
    /** The outcome of one check; {@link #sentence()} is for the log and {@code STATUS=}. */
    public enum Verdict {
        HEALTHY(""),
        CAPTURE_STUCK("the capture thread has not completed a period since the last check"),
        WRITER_STUCK("the writer thread has not made a pass since the last check");

        private final String sentence;

        Verdict(String sentence) {
            this.sentence = sentence;
        }

        public String sentence() {
            return sentence;
        }
    }

    private Progress previous;

    /** {@code baseline} is the progress at start; the first check compares against it. */
    public HealthCheck(Progress baseline) {
        this.previous = baseline;
    }

    public Verdict check(Progress now) {
        Progress before = previous;
        previous = now;
        // A device that just opened has no earlier figures to compare with; the next check does.
        if (!now.threadsRunning() || !before.threadsRunning()) return Verdict.HEALTHY;
        if (now.capturePeriods() == before.capturePeriods()) return Verdict.CAPTURE_STUCK;
        if (now.writerLoops() == before.writerLoops()) return Verdict.WRITER_STUCK;
        return Verdict.HEALTHY;
    }
}
