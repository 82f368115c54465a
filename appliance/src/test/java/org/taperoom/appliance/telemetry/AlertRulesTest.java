package org.taperoom.appliance.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.appliance.control.TransportState;

/** The example alert rules shipped in systemd/prometheus: valid, behaving as their tests say, and about series we export. */
class AlertRulesTest {
    private static final Path RULES = Path.of("..", "systemd", "prometheus");

    private static String promtool(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("promtool"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(RULES.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + ":\n" + out);
        return out;
    }

    @Test
    void theRulesPassPromtoolCheckAndTheirOwnUnitTests() throws Exception {
        assertTrue(promtool("check", "rules", "taperoom.rules.yml").contains("SUCCESS: 6 rules found"));
        assertTrue(promtool("test", "rules", "taperoom.rules.test.yml").contains("SUCCESS"));
    }

    @Test
    void everySeriesTheRulesWatchIsOneTheApplianceExports(@TempDir Path dir) throws Exception {
        Path sys = Files.createDirectories(dir.resolve("sys/class/thermal/thermal_zone0"));
        Files.writeString(sys.resolve("temp"), "50000");
        Path fw = Files.createDirectories(dir.resolve("sys/devices/platform/soc/soc:firmware"));
        Files.writeString(fw.resolve("get_throttled"), "0");
        String scrape = FleetMetricsTest.metrics(dir, TransportState.IDLE, new BoardHealth(dir.resolve("sys"), null)).scrape();
        Matcher m = Pattern.compile("taperoom_[a-z_]+").matcher(Files.readString(RULES.resolve("taperoom.rules.yml")));
        TreeSet<String> watched = new TreeSet<>();
        while (m.find()) watched.add(m.group());
        assertFalse(watched.isEmpty());
        for (String name : watched) assertTrue(scrape.contains("\n" + name + "{") || scrape.contains("\n" + name + " "), name + " is not exported");
    }
}
