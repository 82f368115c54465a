package org.taperoom.appliance.config;

import java.util.List;

/** Keys of the music-school roles the web panel offers: students' sessions, quota and expiry. */
public final class SchoolKeys {
    private SchoolKeys() {}

    public static final ConfigKey<Double> STUDENT_IDLE_MINUTES = ConfigKey.decimal("studentIdleMinutes", 5, 0.05, 1440,
            "Minutes a student's panel login lasts without use; then the kiosk's next student starts from the login.");
    public static final ConfigKey<Double> STUDENT_QUOTA_MINUTES = ConfigKey.decimal("studentQuotaMinutes", 120, 0, 1_000_000,
            "Minutes of recording each student may keep in the library (takes in the trash do not count); a take that"
                    + " reaches it stops and is kept. 0: no limit.");
    public static final ConfigKey<Integer> STUDENT_EXPIRY_DAYS = ConfigKey.integer("studentExpiryDays", 60, 0, 36_500,
            "Days after which a student's take goes to the trash unless a teacher keeps it. 0: never.");

    public static final List<ConfigKey<?>> ALL = List.of(STUDENT_IDLE_MINUTES, STUDENT_QUOTA_MINUTES, STUDENT_EXPIRY_DAYS);
}
