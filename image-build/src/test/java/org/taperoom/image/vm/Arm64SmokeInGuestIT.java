package org.taperoom.image.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same .deb on the board's architecture: a Debian 13 arm64 guest under qemu-system-aarch64
 * (the "virt" board, a Cortex-A72), with trixie's OpenJDK 21 as on Raspberry Pi OS 13. The service
 * reaches READY; JNA's aarch64 stub loads alsa-lib (the service on snd-aloop), libsndfile and
 * libebur128 (taperoom analyze); the board is not a Raspberry Pi, so the front panel is off, said in
 * one line, and the recorder records anyway; a 5-second take through the loopback is bit-exact.
 * Runs with {@code -Dtaperoom.vm.arch=arm64} (the vm profile's second guest run).
 */
@ExtendWith(Guest.Extension.class)
@Guest.Arch("arm64")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Arm64SmokeInGuestIT {
    private static final Pattern LUFS = Pattern.compile("\"integrated_lufs\"\\s*:\\s*(-?[0-9.]+)");
    private static final Pattern DURATION = Pattern.compile("\"duration_seconds\"\\s*:\\s*([0-9.]+)");
    /** The take the loopback test recorded, for the analysis after it. */
    private static String take;

    @Test
    @Order(1)
    void theServiceIsReadyOnArm64WithJava21AndTheForeignGpioChipTurnsOnlyTheFrontPanelOff() throws Exception {
        Guest g = Guest.get();
        assertTrue(g.startLine().startsWith("READY: "), "taperoom-vm start said: " + g.startLine());
        assertEquals("aarch64", g.check("uname -m"));
        String java = g.check("java -version 2>&1 | head -n 1");
        assertTrue(java.contains("\"21."), java);
        System.out.println("guest: arm64 " + java + "; " + g.check("uname -r"));
        // The virt board has a GPIO chip (a PL061), but it is not a Raspberry Pi's header.
        String journal = g.check("journalctl -b -u taperoom.service --no-pager -o cat");
        assertTrue(journal.contains("front panel off") || journal.contains("no GPIO chip"), journal);
        assertFalse(journal.contains("\tat ") || journal.contains("Exception in thread"), "a stack trace in the journal:\n" + journal);
        String status = g.check("systemctl show -P StatusText taperoom");
        assertTrue(status.contains("front panel off"), status);
        System.out.println("guest: arm64 status line: " + status);
    }

    @Test
    @Order(2)
    void aFiveSecondTakeThroughTheLoopbackIsBitExactWithTheAarch64LibrariesInTheService(@TempDir Path dir) throws Exception {
        Guest g = Guest.get();
        LoopbackSignal.captureFromTheLoopback(g, "periodFrames = 1024\\nbufferPeriods = 16\\n");
        take = LoopbackSignal.recordNoiseBitExact(g, dir, 5);
        // What the service mapped, having recorded from the loopback (on the simulated device of a
        // fresh install it had not loaded alsa-lib): JNA's aarch64 stub, extracted from its jar
        // into the service's cache, and the three C libraries of aarch64 it loads through it.
        String maps = g.check("awk '{print $6}' /proc/$(systemctl show -P MainPID taperoom)/maps | sort -u");
        for (String library : new String[] {"/usr/lib/aarch64-linux-gnu/libasound.so.2", "/usr/lib/aarch64-linux-gnu/libsndfile.so.1",
                "/usr/lib/aarch64-linux-gnu/libebur128.so.1", "/JNA/temp/jna"}) {
            assertTrue(maps.contains(library), library + " is not mapped into the service:\n" + maps);
        }
    }

    @Test
    @Order(3)
    void libsndfileAndLibebur128LoadThroughJnaOnArm64() throws Exception {
        Guest g = Guest.get();
        assertNotNull(take, "no take from the loopback test to analyse");
        // The CLI's JVM with C1 only: emulated arm64 compiles C2 code slowly (an emulator allowance;
        // the libraries it loads are the same).
        String json = g.check("f=$(ls '" + take + "'/*.wav | head -n 1); TAPEROOM_JAVA_OPTS=-XX:TieredStopAtLevel=1 taperoom analyze \"$f\" --json");
        Matcher lufs = LUFS.matcher(json);
        Matcher duration = DURATION.matcher(json);
        assertTrue(lufs.find() && duration.find(), json);
        // Noise at -6 dB is loud; a library that did not load would have failed the command.
        double integrated = Double.parseDouble(lufs.group(1));
        assertTrue(integrated > -30 && integrated < 0, json);
        assertTrue(Double.parseDouble(duration.group(1)) > 5, json);
        System.out.printf("guest: arm64 taperoom analyze: %.1f LUFS over %s s%n", integrated, duration.group(1));
    }
}
