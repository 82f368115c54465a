package org.taperoom.appliance.service;

import java.time.Clock;
import org.taperoom.appliance.config.Config;
import org.taperoom.appliance.config.ConfigException;
import org.taperoom.appliance.config.PublishKeys;
import org.taperoom.appliance.config.RecordingKeys;
import org.taperoom.appliance.publish.PublishPlan;
import org.taperoom.appliance.publish.PublishScope;
import org.taperoom.appliance.publish.TimeWindow;
import org.taperoom.appliance.publish.UploadService;
import org.taperoom.appliance.recording.take.TakeLibrary;

/** The service's publisher, made from the {@code publish*} keys; none when {@code publishTo} is empty. */
final class Publishing {
    private Publishing() {}

    /** The publisher for {@code config}, not started; null when nothing is to be published. */
    static UploadService of(Config config, TakeLibrary takes) throws ConfigException {
        String to = config.get(PublishKeys.TO);
        if (to.isEmpty()) return null;
        try {
            String host = config.get(PublishKeys.HOST);
            PublishPlan plan = new PublishPlan(to, host.isEmpty() ? PublishPlan.localHostName() : host, PublishScope.of(config.get(PublishKeys.WHAT)));
            String window = config.get(PublishKeys.WINDOW);
            String limit = config.get(PublishKeys.BANDWIDTH_LIMIT);
            long backoffMillis = Math.round(config.get(PublishKeys.RETRY_SECONDS) * 1000);
            UploadService.Settings settings = new UploadService.Settings(plan, config.get(PublishKeys.RCLONE_CONFIG), limit.isEmpty() ? null : limit,
                    window.isEmpty() ? TimeWindow.ALWAYS : TimeWindow.parse(window), config.get(PublishKeys.RETAIN_DAYS),
                    config.get(PublishKeys.SCAN_SECONDS) * 1000L, backoffMillis, Math.max(backoffMillis, 300_000),
                    config.get(PublishKeys.PROGRESS_LOG_SECONDS) * 1000L);
            return new UploadService(config.get(RecordingKeys.LIBRARY), takes, settings, Clock.systemDefaultZone());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }
}
