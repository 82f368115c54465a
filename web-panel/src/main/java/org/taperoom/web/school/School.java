package org.taperoom.web.school;

import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.taperoom.appliance.config.Config;
import org.taperoom.appliance.config.SchoolKeys;
import org.taperoom.appliance.control.Transport;
import org.taperoom.appliance.recording.engine.Recorder;
import org.taperoom.appliance.recording.take.TakeLibrary;
import org.tinylog.Logger;

/**
 * The school's parts for one panel: the roster, the quota and its watch over takes being
 * recorded, the expiry, which runs at start and every hour, and the class exports. One daemon
 * thread runs both checks, another the exports; {@link #close} stops them.
 */
public final class School implements AutoCloseable {
    static final long EXPIRY_PERIOD_MINUTES = 60;

    private final Roster roster;
    private final Quota quota;
    private final Expiry expiry;
    private final ClassExports exports;
    private final ScheduledExecutorService timer;
    private final Clock clock;

    private School(Roster roster, Quota quota, Expiry expiry, ClassExports exports, ScheduledExecutorService timer, Clock clock) {
        this.roster = roster;
        this.quota = quota;
        this.expiry = expiry;
        this.exports = exports;
        this.timer = timer;
        this.clock = clock;
    }

    public static School start(Config config, TakeLibrary library, Transport transport, Recorder recorder) throws IOException {
        Roster roster = new Roster(library.root());
        Quota quota = new Quota(library, config.get(SchoolKeys.STUDENT_QUOTA_MINUTES) * 60);
        Expiry expiry = new Expiry(library, config.get(SchoolKeys.STUDENT_EXPIRY_DAYS));
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "school");
            t.setDaemon(true);
            return t;
        });
        School school = new School(roster, quota, expiry, new ClassExports(library, roster), timer, Clock.systemUTC());
        timer.scheduleWithFixedDelay(new QuotaWatch(transport, recorder, quota), QuotaWatch.PERIOD_MILLIS, QuotaWatch.PERIOD_MILLIS,
                TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(school::expire, 0, EXPIRY_PERIOD_MINUTES, TimeUnit.MINUTES);
        return school;
    }

    public Roster roster() {
        return roster;
    }

    public Quota quota() {
        return quota;
    }

    public ClassExports exports() {
        return exports;
    }

    private void expire() {
        try {
            expiry.run(clock.instant());
        } catch (IOException | RuntimeException e) {
            Logger.warn("expiry of students' takes failed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        exports.close();
    }
}
