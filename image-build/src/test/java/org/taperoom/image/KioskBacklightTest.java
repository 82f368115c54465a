package org.taperoom.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kiosk's backlight at night, against a fake sysfs: a display with {@code bl_power} (the
 * official 7" one's driver) is powered down with 4 and up with 0; one with only
 * {@code brightness} goes to 0 and comes back to the level it had; the schedule switches by the
 * hour; the watcher lights a dark screen when a touch arrives on an input device and leaves it
 * lit when it is stopped. The udev rule gives group video write on both files.
 */
class KioskBacklightTest {
    static final Path SCRIPT = Run.repo().resolve("image-build/src/kiosk-deb/libexec/kiosk-backlight");

    /** A fake /sys/class/backlight: "dsi" with bl_power (lit, brightness 255), "pwm" with brightness 180 of 255 only. */
    static Path sysfs(Path dir) throws Exception {
        Path root = Files.createDirectories(dir.resolve("backlight"));
        Path dsi = Files.createDirectories(root.resolve("dsi"));
        Files.writeString(dsi.resolve("bl_power"), "0\n");
        Files.writeString(dsi.resolve("brightness"), "255\n");
        Files.writeString(dsi.resolve("max_brightness"), "255\n");
        Path pwm = Files.createDirectories(root.resolve("pwm"));
        Files.writeString(pwm.resolve("brightness"), "180\n");
        Files.writeString(pwm.resolve("max_brightness"), "255\n");
        return root;
    }

    static Map<String, String> env(Path dir, Path root) throws Exception {
        return new HashMap<>(Map.of("TAPEROOM_BACKLIGHT_SYSFS", root.toString(),
                "TAPEROOM_BACKLIGHT_STATE", Files.createDirectories(dir.resolve("state")).toString(),
                "TAPEROOM_BACKLIGHT_INPUTS", dir.resolve("no-input-*").toString()));
    }

    static String read(Path root, String file) throws Exception {
        return Files.readString(root.resolve(file)).strip();
    }

    static Run run(Map<String, String> env, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(SCRIPT.toString()));
        command.addAll(List.of(args));
        return Run.of(null, env, command);
    }

    @Test
    void offPowersDownABlPowerDisplayAndDarkensABrightnessOneAndOnBringsEachBackAsItWas(@TempDir Path dir) throws Exception {
        Path root = sysfs(dir);
        Map<String, String> env = env(dir, root);
        assertEquals(0, run(env, "off").exit());
        assertEquals("4", read(root, "dsi/bl_power"), "FB_BLANK_POWERDOWN");
        assertEquals("255", read(root, "dsi/brightness"), "a bl_power display keeps its brightness");
        assertEquals("0", read(root, "pwm/brightness"));
        assertEquals(0, run(env, "off").exit(), "off twice");
        assertEquals(0, run(env, "on").exit());
        assertEquals("0", read(root, "dsi/bl_power"), "FB_BLANK_UNBLANK");
        assertEquals("180", read(root, "pwm/brightness"), "the brightness it had, not the 0 of the second off");
    }

    @Test
    void theScheduleSwitchesTheBacklightOffInsideTheNightAcrossMidnightAndOnOutsideIt(@TempDir Path dir) throws Exception {
        Path root = sysfs(dir);
        Map<String, String> env = env(dir, root);
        for (String[] c : new String[][] {{"23", "4"}, {"3", "4"}, {"7", "0"}, {"12", "0"}, {"22", "4"}, {"21", "0"}}) {
            Run r = run(env, "at", c[0], "22-7");
            assertEquals(0, r.exit(), r.output());
            assertEquals(c[1], read(root, "dsi/bl_power"), "at " + c[0] + " h with the night 22-7");
        }
        Run bad = run(env, "at", "12", "late");
        assertEquals(2, bad.exit());
        assertEquals(1, bad.output().strip().lines().count(), bad.output());
        assertTrue(bad.output().contains("FROM-TO") && bad.output().contains("22-7"), bad.output());
    }

    @Test
    void atNightATouchLightsTheDarkScreenUntilTheIdleTimePassesAndStoppingTheWatcherLeavesItLit(@TempDir Path dir) throws Exception {
        Path root = sysfs(dir);
        Map<String, String> env = env(dir, root);
        Path touch = dir.resolve("event0");
        assertEquals(0, Run.of(List.of("mkfifo", touch.toString())).exit());
        env.put("TAPEROOM_BACKLIGHT_INPUTS", dir.resolve("event*").toString());
        env.put("TAPEROOM_BACKLIGHT_HOUR", "23");
        env.put("TAPEROOM_BACKLIGHT_PERIOD", "30");
        ProcessBuilder pb = new ProcessBuilder(SCRIPT.toString(), "watch", "22-7", "2").redirectErrorStream(true)
                .redirectOutput(dir.resolve("watch.log").toFile());
        pb.environment().putAll(env);
        Process watch = pb.start();
        try {
            // The watcher writes one display after the other: wait for each.
            awaitFile(root.resolve("dsi/bl_power"), "4", 5000);
            awaitFile(root.resolve("pwm/brightness"), "0", 5000);
            Files.write(touch, new byte[24]);
            long touched = System.currentTimeMillis();
            awaitFile(root.resolve("dsi/bl_power"), "0", 5000);
            awaitFile(root.resolve("pwm/brightness"), "180", 5000);
            awaitFile(root.resolve("dsi/bl_power"), "4", 8000);
            long litMillis = System.currentTimeMillis() - touched;
            assertTrue(litMillis >= 1500, "lit for the idle time (2 s) after the touch: " + litMillis + " ms");
        } finally {
            watch.destroy();
            assertTrue(watch.waitFor(10, TimeUnit.SECONDS), "the watcher ends on SIGTERM");
        }
        assertEquals("0", read(root, "dsi/bl_power"), "stopped, it leaves the screen lit: " + Files.readString(dir.resolve("watch.log")));
        assertEquals("180", read(root, "pwm/brightness"));
    }

    @Test
    void theUdevRuleGivesGroupVideoWriteOnEveryBacklightsPowerAndBrightness() throws Exception {
        String rule = Files.readString(Run.repo().resolve("systemd/70-taperoom-kiosk-backlight.rules"));
        String line = rule.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).findFirst().orElseThrow();
        assertTrue(line.startsWith("SUBSYSTEM==\"backlight\""), line);
        assertTrue(line.contains("chgrp video /sys%p/bl_power /sys%p/brightness") && line.contains("chmod g+w /sys%p/bl_power /sys%p/brightness"), line);
        String sysusers = Files.readString(Run.repo().resolve("systemd/taperoom-kiosk.sysusers"));
        assertTrue(sysusers.contains("m taperoom-kiosk  video"), "the kiosk user is in group video");
        String unit = Files.readString(Run.repo().resolve("systemd/taperoom-kiosk.service"));
        assertTrue(unit.contains("ExecStopPost=-/usr/libexec/taperoom/kiosk-backlight on"), "the unit lights the screen when it stops");
    }

    static void awaitFile(Path file, String value, long millis) throws Exception {
        long end = System.currentTimeMillis() + millis;
        while (!Files.readString(file).strip().equals(value)) {
            if (System.currentTimeMillis() > end) throw new AssertionError(file + " did not become " + value + " within " + millis + " ms: " + Files.readString(file));
            Thread.sleep(20);
        }
    }
}
