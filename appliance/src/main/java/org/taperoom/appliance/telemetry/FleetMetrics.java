package org.taperoom.appliance.telemetry;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.taperoom.appliance.config.Config;
import org.taperoom.appliance.config.RecordingKeys;
import org.taperoom.appliance.control.Transport;
import org.taperoom.appliance.control.TransportState;
import org.taperoom.appliance.control.TransportView;
import org.taperoom.appliance.publish.UploadQueue;
import org.taperoom.appliance.recording.engine.Recorder;
import org.taperoom.appliance.recording.engine.RecorderStatus;
import org.taperoom.appliance.telemetry.BoardHealth.ThrottleFlag;
import org.tinylog.Logger;

/**
 * The appliance's metrics for a fleet's Prometheus, in its text format: the transport, takes,
 * overruns, the library's disk, the upload queue, the board's health and the JVM (the official
 * client's JVM and process metrics). Names follow Prometheus' guide: a {@code taperoom_} prefix,
 * base units (seconds, bytes, celsius) in the name, {@code _total} on counters, and labels only
 * for bounded sets (the five transport states, the four throttle flags).
 *
 * <p>Every figure is read when scraped, from the engine's snapshot, the queue's job files and
 * sysfs, so nothing here runs between scrapes. Thread-safe: scrapes may run concurrently.
 */
public final class FleetMetrics {
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

    /**
     * What the metrics are read from.
     *
     * @param queue the library's upload queue, or null while nothing was ever queued (no series then)
     */
    public record Sources(Supplier<TransportView> transport, Supplier<RecorderStatus> recorder, TakeTally takes, Path library,
                          Supplier<UploadQueue> queue, BoardHealth board) {}

    /**
     * The service's metrics: {@code tally} must be a listener of {@code recorder} (it counts the
     * takes from now on), the queue is the library's.
     */
    public static FleetMetrics of(Config config, Recorder recorder, Transport transport, TakeTally tally) {
        Path library = config.get(RecordingKeys.LIBRARY);
        return new FleetMetrics(new Sources(transport::view, recorder::status, tally, library, () -> queueIn(library), BoardHealth.system()));
    }

    /** The library's queue once publishing has made it; metrics never create it. */
    private static UploadQueue queueIn(Path library) {
        if (!Files.isDirectory(library.resolve(UploadQueue.FOLDER))) return null;
        try {
            return new UploadQueue(library);
        } catch (IOException e) {
            Logger.warn("upload queue unreadable for metrics: {}", e.getMessage());
            return null;
        }
    }

    public FleetMetrics(Sources s) {
        GaugeWithCallback.builder().name("taperoom_transport_state").help("1 for the state the transport is in, 0 for the others")
                .labelNames("state").callback(cb -> {
                    TransportState now = s.transport().get().state();
                    for (TransportState st : TransportState.values()) cb.call(st == now ? 1 : 0, st.wireName());
                }).register(registry);
        GaugeWithCallback.builder().name("taperoom_device_present").help("1 while the audio interface is connected")
                .callback(cb -> cb.call(s.recorder().get().devicePresent() ? 1 : 0)).register(registry);
        CounterWithCallback.builder().name("taperoom_takes_total").help("Takes finished since the service started")
                .callback(cb -> cb.call(s.takes().takes())).register(registry);
        CounterWithCallback.builder().name("taperoom_recorded_seconds_total").unit(Unit.SECONDS)
                .help("Wall-clock seconds of finished takes since the service started, pre-roll not counted")
                .callback(cb -> cb.call(s.takes().recordedSeconds())).register(registry);
        CounterWithCallback.builder().name("taperoom_capture_overruns_total")
                .help("Capture overruns (samples the writer could not take in time) since the engine started")
                .callback(cb -> cb.call(s.recorder().get().overruns())).register(registry);
        GaugeWithCallback.builder().name("taperoom_library_free_bytes").unit(Unit.BYTES)
                .help("Free space for the take library, bytes")
                .callback(cb -> {
                    try {
                        cb.call(Files.getFileStore(s.library()).getUsableSpace());
                    } catch (IOException e) {
                        Logger.debug("free space of {} unknown: {}", s.library(), e.getMessage());
                    }
                }).register(registry);
        GaugeWithCallback.builder().name("taperoom_library_free_recording_seconds").unit(Unit.SECONDS)
                .help("Recording time the library's free space holds at the current channels, rate and format")
                .callback(cb -> cb.call(s.recorder().get().freeDiskSeconds())).register(registry);
        uploadQueue(s.queue());
        board(s.board());
        JvmMetrics.builder().register(registry);
    }

    private void uploadQueue(Supplier<UploadQueue> queue) {
        GaugeWithCallback.builder().name("taperoom_upload_queue_jobs").help("Files waiting in the upload queue")
                .callback(cb -> stats(queue).ifPresent(st -> cb.call(st.jobs()))).register(registry);
        GaugeWithCallback.builder().name("taperoom_upload_queue_bytes").unit(Unit.BYTES).help("Bytes waiting in the upload queue")
                .callback(cb -> stats(queue).ifPresent(st -> cb.call(st.bytes()))).register(registry);
        GaugeWithCallback.builder().name("taperoom_upload_queue_failing_jobs").help("Queued files whose last upload attempt failed")
                .callback(cb -> stats(queue).ifPresent(st -> cb.call(st.failingJobs()))).register(registry);
        GaugeWithCallback.builder().name("taperoom_upload_queue_failed_attempts").help("Failed attempts of the files still queued")
                .callback(cb -> stats(queue).ifPresent(st -> cb.call(st.failedAttempts()))).register(registry);
        GaugeWithCallback.builder().name("taperoom_upload_queue_oldest_job_age_seconds").unit(Unit.SECONDS)
                .help("Age of the oldest queued file, 0 when the queue is empty")
                .callback(cb -> stats(queue).ifPresent(st -> cb.call(st.jobs() == 0 ? 0 : st.oldestAgeSeconds()))).register(registry);
    }

    private static java.util.Optional<UploadQueue.Stats> stats(Supplier<UploadQueue> source) {
        UploadQueue queue = source.get();
        if (queue == null) return java.util.Optional.empty();
        try {
            return java.util.Optional.of(queue.stats(System.currentTimeMillis()));
        } catch (IOException e) {
            Logger.warn("upload queue unreadable for metrics: {}", e.getMessage());
            return java.util.Optional.empty();
        }
    }

    private void board(BoardHealth board) {
        GaugeWithCallback.builder().name("taperoom_cpu_temperature_celsius").unit(Unit.CELSIUS).help("CPU temperature (absent where the board has no sensor)")
                .callback(cb -> {
                    OptionalDouble t = board.cpuTemperatureCelsius();
                    if (t.isPresent()) cb.call(t.getAsDouble());
                }).register(registry);
        GaugeWithCallback.builder().name("taperoom_pi_throttle_flag")
                .help("Raspberry Pi firmware flags (get_throttled): 1 when set; when=now or since_boot (absent off a Pi)")
                .labelNames("flag", "when").callback(cb -> {
                    OptionalLong word = board.throttledWord();
                    if (word.isEmpty()) return;
                    for (ThrottleFlag f : ThrottleFlag.values()) {
                        String name = f.name().toLowerCase(Locale.ROOT);
                        cb.call((word.getAsLong() >> f.bit) & 1, name, "now");
                        cb.call((word.getAsLong() >> (f.bit + 16)) & 1, name, "since_boot");
                    }
                }).register(registry);
    }

    /** The metrics in Prometheus' text format (version 0.0.4). */
    public String scrape() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writer.write(out, registry.scrape());
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    public static String contentType() {
        return PrometheusTextFormatWriter.CONTENT_TYPE;
    }
}
