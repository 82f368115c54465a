package org.taperoom.appliance.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.appliance.control.TransportState;
import org.taperoom.appliance.control.TransportView;
import org.taperoom.appliance.publish.UploadQueue;
import org.taperoom.appliance.recording.engine.RecorderStatus;
import org.taperoom.appliance.recording.take.EndReason;
import org.taperoom.appliance.recording.take.TakeRef;

/** /metrics' text as Prometheus' own checker and a reader of its values see it. */
class FleetMetricsTest {
    @TempDir
    Path dir;

    static FleetMetrics metrics(Path dir, TransportState state, BoardHealth board) throws Exception {
        Path library = Files.createDirectories(dir.resolve("library"));
        UploadQueue queue = new UploadQueue(library);
        Path file = Files.writeString(library.resolve("a.wav"), "x".repeat(1000));
        queue.enqueue(file, "nas:a/host/2026-12-01/t/a.wav", System.currentTimeMillis() - 90_000);
        TakeTally tally = new TakeTally();
        TakeRef take = new TakeRef("t", library);
        tally.takeStarted(take);
        Thread.sleep(20);
        tally.takeEnded(take, EndReason.STOPPED, "");
        RecorderStatus status = new RecorderStatus(true, false, "hw:CARD=UMC1820,DEV=0", 8, 48000, "24", null, 0, 3, 7200, "");
        return new FleetMetrics(new FleetMetrics.Sources(() -> new TransportView(state, "", null, 0), () -> status, tally,
                library, () -> queue, board));
    }

    static double value(String text, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(text);
        assertTrue(m.find(), series + " in\n" + text);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void theTextPassesPromtoolCheckMetrics() throws Exception {
        String text = metrics(dir, TransportState.RECORDING, new BoardHealth(dir, null)).scrape();
        Process p = new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true).start();
        p.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), "promtool check metrics:\n" + said);
        assertEquals("", said.strip(), "no lint warnings");
    }

    @Test
    void theSeriesSayWhatTheApplianceIsDoing() throws Exception {
        String text = metrics(dir, TransportState.RECORDING, new BoardHealth(dir, null)).scrape();
        assertEquals(1, value(text, "taperoom_transport_state{state=\"recording\"}"));
        assertEquals(0, value(text, "taperoom_transport_state{state=\"idle\"}"));
        assertEquals(0, value(text, "taperoom_device_present"));
        assertEquals(1, value(text, "taperoom_takes_total"));
        assertTrue(value(text, "taperoom_recorded_seconds_total") >= 0.02);
        assertEquals(3, value(text, "taperoom_capture_overruns_total"));
        assertEquals(7200, value(text, "taperoom_library_free_recording_seconds"));
        assertTrue(value(text, "taperoom_library_free_bytes") > 0);
        assertEquals(1, value(text, "taperoom_upload_queue_jobs"));
        assertEquals(1000, value(text, "taperoom_upload_queue_bytes"));
        assertTrue(value(text, "taperoom_upload_queue_oldest_job_age_seconds") >= 90);
        assertTrue(value(text, "jvm_memory_used_bytes{area=\"heap\"}") > 0, "the JVM's own metrics");
        assertTrue(text.contains("jvm_gc_collection_seconds"), "GC pauses");
        assertFalse(text.contains("taperoom_cpu_temperature_celsius "), "no sensor, no figure (not a zero)");
    }

    @Test
    void aPisTemperatureAndThrottleFlagsComeFromSysfs() throws Exception {
        Path sys = Files.createDirectories(dir.resolve("sys"));
        Files.createDirectories(sys.resolve("class/thermal/thermal_zone0"));
        Files.writeString(sys.resolve("class/thermal/thermal_zone0/temp"), "48500\n");
        Files.createDirectories(sys.resolve("devices/platform/soc/soc:firmware"));
        // Under-voltage now and since boot, throttled since boot.
        Files.writeString(sys.resolve("devices/platform/soc/soc:firmware/get_throttled"), "50001\n");
        String text = metrics(dir, TransportState.IDLE, new BoardHealth(sys, null)).scrape();
        assertEquals(48.5, value(text, "taperoom_cpu_temperature_celsius"));
        assertEquals(1, value(text, "taperoom_pi_throttle_flag{flag=\"under_voltage\",when=\"now\"}"));
        assertEquals(1, value(text, "taperoom_pi_throttle_flag{flag=\"under_voltage\",when=\"since_boot\"}"));
        assertEquals(0, value(text, "taperoom_pi_throttle_flag{flag=\"throttled\",when=\"now\"}"));
        assertEquals(1, value(text, "taperoom_pi_throttle_flag{flag=\"throttled\",when=\"since_boot\"}"));
    }
}
