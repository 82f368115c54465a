package org.taperoom.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image's whole first boot, every step, run by bash in a scratch root: a private mount
 * namespace whose /etc, /var/lib, /boot/firmware, /dev and /sys/class/block are scratch copies,
 * so the script's absolute paths land there and nothing of the host changes. Test doubles stand
 * in only for the commands that would act on the host's kernel or services (mount, findmnt,
 * lsblk, nmcli, raspi-config, systemctl) and for the taperoom CLI; each records its arguments.
 * The card is an image file (sfdisk really partitions it); the kernel steps that need a block
 * device (partx, resize2fs, mkfs) run in the virtual appliance's first-boot test instead.
 */
class FirstBootScriptTest {
    private static final long MIB = 1024 * 1024;

    private static final String DOUBLE = """
            #!/bin/bash
            # Test double: records its name, arguments and standard input, then does what the test needs.
            name=$(basename "$0")
            { printf '%s' "$name"; printf ' %s' "$@"; printf '\\n'; } >> "$CALLS"
            case "$name" in
                findmnt) echo /dev/mmcblk0p2 ;;
                lsblk) echo mmcblk0 ;;
                taperoom) cat > "$SCRATCH/pin-stdin" ;;
                mount)
                    # fstab's bind mount of the configuration onto /etc/taperoom, done for real.
                    if [ "$1" = /etc/taperoom ]; then exec /bin/mount --bind /var/lib/taperoom/config /etc/taperoom; fi ;;
            esac
            exit 0
            """;

    /** Runs in the new mount namespace: lays the scratch root over the host's paths, then the script. */
    private static final String SCRATCH_ROOT = """
            set -euo pipefail
            mount --make-rprivate /
            cp -a /etc "$SCRATCH/etc"
            echo 'taperoom:x:990:990::/var/lib/taperoom:/usr/sbin/nologin' >> "$SCRATCH/etc/passwd"
            echo 'taperoom:x:990:' >> "$SCRATCH/etc/group"
            mkdir -p "$SCRATCH/etc/taperoom"
            printf 'panelPort = 8080\\n' > "$SCRATCH/etc/taperoom/taperoom.conf"
            echo 'Taperoom panel PIN: 111111' > "$SCRATCH/etc/taperoom/first-pin"
            mount --bind "$SCRATCH/etc" /etc
            mount -t tmpfs scratch-var-lib /var/lib
            mkdir -p /var/lib/taperoom
            mkdir -p "$SCRATCH/boot"
            mount -t tmpfs scratch-dev "$SCRATCH/boot"
            mkdir -p "$SCRATCH/boot/firmware"
            mount --bind "$SCRATCH/boot" /boot 2>/dev/null || { mount -t tmpfs scratch-boot /boot; mkdir -p /boot/firmware; }
            mkdir -p /boot/firmware
            # /dev: the card is an image file at /dev/mmcblk0; the character devices the script reads are the host's.
            mkdir -p "$SCRATCH/dev"
            for d in null zero urandom random full; do touch "$SCRATCH/dev/$d"; mount --bind "/dev/$d" "$SCRATCH/dev/$d"; done
            ln -s /proc/self/fd "$SCRATCH/dev/fd"
            cp "$CARD" "$SCRATCH/dev/mmcblk0"
            mount --rbind "$SCRATCH/dev" /dev
            mkdir -p "$SCRATCH/block/mmcblk0p2"
            echo 2 > "$SCRATCH/block/mmcblk0p2/partition"
            mount --bind "$SCRATCH/block" /sys/class/block
            set +e
            PATH="$DOUBLES:$PATH" ROOT_SIZE_MIB=600 bash "$SCRIPT"
            echo "exit $?" >> "$CALLS"
            cp /dev/mmcblk0 "$SCRATCH/card-after.img"
            cp -a /boot/firmware/. "$SCRATCH/boot-after/" 2>/dev/null
            cp -a /var/lib/taperoom/. "$SCRATCH/state-after/"
            [ -e "$SCRATCH/etc/taperoom/first-pin" ] && echo "stale first-pin kept" >> "$SCRATCH/modes"
            stat -c '%a %U %G %n' /var/lib/taperoom/library /var/lib/taperoom/config /var/lib/taperoom/config/taperoom.conf /boot/firmware/taperoom-first-boot.txt >> "$SCRATCH/modes" 2>&1
            """;

    @Test
    void theWholeFirstBootRunsEveryStepAndWritesMatchingHotspotAndPinCredentials(@TempDir Path dir) throws Exception {
        assumeTrue(Run.of(List.of("unshare", "--mount", "true")).exit() == 0,
                "skipped: this machine does not allow a private mount namespace (unshare --mount), which the scratch root needs");
        Path card = dir.resolve("card.img");
        try (RandomAccessFile f = new RandomAccessFile(card.toFile(), "rw")) {
            f.setLength(1024 * MIB);
        }
        Path layout = Files.writeString(dir.resolve("layout"), "label: dos\nstart=8MiB, size=256MiB, type=c\nstart=264MiB, size=400MiB, type=83\n");
        assertEquals(0, Run.of(dir, Map.of(), List.of("sh", "-c", "sfdisk --quiet card.img < layout")).exit());

        Path doubles = Files.createDirectories(dir.resolve("doubles"));
        for (String name : List.of("findmnt", "lsblk", "mount", "nmcli", "taperoom", "raspi-config", "systemctl", "partx", "resize2fs")) {
            Path p = Files.writeString(doubles.resolve(name), DOUBLE);
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Path scratch = Files.createDirectories(dir.resolve("scratch"));
        Files.createDirectories(scratch.resolve("boot-after"));
        Files.createDirectories(scratch.resolve("state-after"));
        Path calls = dir.resolve("calls");
        Files.writeString(calls, "");
        Path script = Run.repo().resolve("image-build/pi-gen/stage-taperoom/01-system/files/taperoom-firstboot");

        Run run = Run.of(dir, Map.of("SCRATCH", scratch.toString(), "DOUBLES", doubles.toString(), "CALLS", calls.toString(),
                "CARD", card.toString(), "SCRIPT", script.toString()), List.of("unshare", "--mount", "bash", "-c", SCRATCH_ROOT));
        String log = Files.readString(calls);
        String all = run.output() + "\n--- calls:\n" + log;
        assertEquals(0, run.exit(), all);
        assertTrue(log.strip().endsWith("exit 0"), "the first-boot script stopped before its end:\n" + all);

        // Step 1: the card's partitions (sfdisk, for real, on the image file).
        String dump = Run.of(List.of("sfdisk", "--dump", scratch.resolve("card-after.img").toString())).output();
        Matcher root = Pattern.compile("img2 : start=\\s*\\d+, size=\\s*(\\d+)").matcher(dump);
        assertTrue(root.find(), dump);
        assertEquals(600 * MIB / 512, Long.parseLong(root.group(1)), dump);
        assertTrue(dump.contains("img3 : "), "no recordings partition:\n" + dump);

        // Step 2: the library and the configuration on the recordings partition, bind-mounted over /etc/taperoom.
        assertTrue(log.contains("mount /var/lib/taperoom\n"), all);
        assertTrue(log.contains("mount /etc/taperoom\n"), all);
        String modes = Files.readString(scratch.resolve("modes"));
        assertTrue(modes.contains("750 taperoom taperoom /var/lib/taperoom/library"), modes);
        assertTrue(modes.contains("2775 root taperoom /var/lib/taperoom/config\n"), modes);
        assertEquals("panelPort = 8080\n", Files.readString(scratch.resolve("state-after/config/taperoom.conf")));
        assertTrue(!modes.contains("stale first-pin kept"), "the package's first PIN from the image build would outlive the card's own");

        // Step 3: the hotspot got the name and password that the note tells, and the CLI the note's PIN.
        String note = Files.readString(scratch.resolve("boot-after/taperoom-first-boot.txt"));
        assertTrue(modes.contains("600 root root /boot/firmware/taperoom-first-boot.txt"), modes);
        String ssid = field(note, "Wi-Fi network:\\s+(taperoom-[a-z0-9]{4})");
        String psk = field(note, "Wi-Fi password:\\s+([a-km-np-z2-9]{12})\n");
        String pin = field(note, "Panel PIN:\\s+([0-9]{6})\n");
        assertTrue(log.contains("nmcli connection modify taperoom-hotspot 802-11-wireless.ssid " + ssid + " wifi-sec.psk " + psk + "\n"), all);
        assertTrue(log.contains("taperoom serve --set-pin\n"), all);
        assertEquals(pin + "\n", Files.readString(scratch.resolve("pin-stdin")));

        // Step 4: the overlay on, the done mark, the reboot — in that order, after everything else.
        assertTrue(log.contains("raspi-config nonint do_overlayfs 0\n"), all);
        assertTrue(Files.exists(scratch.resolve("boot-after/taperoom-first-boot.done")), all);
        assertTrue(log.indexOf("raspi-config") < log.indexOf("systemctl --no-block reboot"), all);
        System.out.printf("first boot end to end: hotspot %s, %d calls to test doubles%n", ssid, log.lines().count() - 1);
    }

    private static String field(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), "not in the note: " + regex + "\n" + text);
        return m.group(1);
    }
}
