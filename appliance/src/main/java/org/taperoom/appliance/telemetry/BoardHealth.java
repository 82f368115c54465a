package org.taperoom.appliance.telemetry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * The board's temperature and, on a Raspberry Pi, its firmware's throttling flags: read from
 * sysfs ({@code /sys/class/thermal/thermal_zone0/temp}, millidegrees; the firmware's
 * {@code get_throttled} file), else from {@code vcgencmd get_throttled}. Where neither exists
 * (a laptop, CI) the figures are absent, not zero. Stateless; any thread.
 */
public final class BoardHealth {
    /** get_throttled's bits: the condition now (low bits), and since boot (bit + 16). */
    public enum ThrottleFlag {
        UNDER_VOLTAGE(0), FREQUENCY_CAPPED(1), THROTTLED(2), SOFT_TEMPERATURE_LIMIT(3);

        public final int bit;

        ThrottleFlag(int bit) {
            this.bit = bit;
        }
    }

    private final Path sysRoot;
    private final String vcgencmd;

    /** @param sysRoot the sysfs root ("/sys"; a folder of fakes in tests); @param vcgencmd the command, or null not to try it */
    public BoardHealth(Path sysRoot, String vcgencmd) {
        this.sysRoot = sysRoot;
        this.vcgencmd = vcgencmd;
    }

    public static BoardHealth system() {
        return new BoardHealth(Path.of("/sys"), "vcgencmd");
    }

    public OptionalDouble cpuTemperatureCelsius() {
        try {
            String t = Files.readString(sysRoot.resolve("class/thermal/thermal_zone0/temp"), StandardCharsets.US_ASCII).strip();
            return OptionalDouble.of(Long.parseLong(t) / 1000.0);
        } catch (IOException | NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    /** The raw get_throttled word, or empty off a Pi. */
    public OptionalLong throttledWord() {
        Path file = sysRoot.resolve("devices/platform/soc/soc:firmware/get_throttled");
        try {
            return OptionalLong.of(Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).strip(), 16));
        } catch (IOException | NumberFormatException e) {
            // no sysfs file: ask the firmware tool
        }
        if (vcgencmd == null) return OptionalLong.empty();
        try {
            Process p = new ProcessBuilder(vcgencmd, "get_throttled").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            if (!p.waitFor(2, TimeUnit.SECONDS) || p.exitValue() != 0 || !out.startsWith("throttled=0x")) return OptionalLong.empty();
            return OptionalLong.of(Long.parseLong(out.substring("throttled=0x".length()), 16));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalLong.empty();
        }
    }
}
