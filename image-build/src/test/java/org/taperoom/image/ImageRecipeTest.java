package org.taperoom.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Raspberry Pi image recipe, as far as a machine without an SD card can check it: the first
 * boot's partitioning on an image file, the configuration files through their own parsers, and
 * the units through systemd-analyze. (Shell scripts: {@link ShellScriptsTest}; the build script's
 * dry run needs the package: {@code ImageBuildDryRunIT}.)
 */
class ImageRecipeTest {
    private static final long MIB = 1024 * 1024;
    private static final Path FILES = Path.of("pi-gen/stage-taperoom/01-system/files");

    private static Path files() {
        return Run.repo().resolve("image-build").resolve(FILES);
    }

    /** Partition number to {start, size} in 512-byte sectors, read back with sfdisk. */
    private static Map<Integer, long[]> partitions(Path image) throws Exception {
        Run dump = Run.of(List.of("sfdisk", "--dump", image.toString()));
        assertEquals(0, dump.exit(), dump.output());
        Map<Integer, long[]> parts = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(\\d+) : start=\\s*(\\d+), size=\\s*(\\d+), type=(\\w+)").matcher(dump.output());
        while (m.find()) parts.put(Integer.parseInt(m.group(1)), new long[] {Long.parseLong(m.group(2)), Long.parseLong(m.group(3)), Long.parseLong(m.group(4), 16)});
        return parts;
    }

    @Test
    void firstBootGrowsTheRootToItsSizeAndMakesTheRestOfTheCardTheRecordingsPartition(@TempDir Path dir) throws Exception {
        // A 1 GiB card as pi-gen lays it out: a FAT boot partition and a small root partition.
        Path card = dir.resolve("card.img");
        try (RandomAccessFile f = new RandomAccessFile(card.toFile(), "rw")) {
            f.setLength(1024 * MIB);
        }
        Path layout = Files.writeString(dir.resolve("layout"), "label: dos\nstart=8MiB, size=256MiB, type=c\nstart=264MiB, size=400MiB, type=83\n");
        Run make = Run.of(dir, Map.of(), List.of("sh", "-c", "sfdisk --quiet card.img < layout"));
        assertEquals(0, make.exit(), make.output() + layout);

        Path script = files().resolve("taperoom-firstboot");
        Run run = Run.of(dir, Map.of("ROOT_SIZE_MIB", "600"), List.of("bash", script.toString(), "partition", card.toString(), "2"));
        assertEquals(0, run.exit(), run.output());

        Map<Integer, long[]> parts = partitions(card);
        assertEquals(3, parts.size(), "expected boot, root and recordings: " + run.output());
        assertEquals(600 * MIB / 512, parts.get(2)[1], "root partition size");
        long rootEnd = parts.get(2)[0] + parts.get(2)[1];
        assertTrue(parts.get(3)[0] >= rootEnd, "recordings overlap the root");
        assertEquals(0x83, parts.get(3)[2], "recordings partition type");
        long cardSectors = 1024 * MIB / 512;
        assertTrue(cardSectors - (parts.get(3)[0] + parts.get(3)[1]) < 2 * MIB / 512,
                "the recordings partition should take the rest of the card");
        System.out.printf("first boot on a 1 GiB card: root %d MiB, recordings %d MiB%n",
                parts.get(2)[1] * 512 / MIB, parts.get(3)[1] * 512 / MIB);

        Run again = Run.of(dir, Map.of("ROOT_SIZE_MIB", "600"), List.of("bash", script.toString(), "partition", card.toString(), "2"));
        assertEquals(0, again.exit(), again.output());
        assertTrue(again.output().contains("already has partition 3"), again.output());
        assertEquals(parts.get(3)[1], partitions(card).get(3)[1], "a second run changed the partitions");
    }

    @Test
    void theFstabLinesParseAndMountTheRecordingsByLabelWithoutBlockingBoot() throws Exception {
        Path fstab = files().resolve("fstab.taperoom");
        Run verify = Run.of(List.of("findmnt", "--verify", "--verbose", "--tab-file", fstab.toString()));
        assertTrue(verify.output().contains("0 parse errors"), verify.output());
        assertTrue(verify.output().contains(" 0 warnings"), verify.output());
        // The only errors allowed are this machine's: no such label, no such mount point here.
        for (String line : verify.output().lines().toList()) {
            if (line.contains("[E]")) assertTrue(line.contains("unreachable on boot"), line);
        }
        List<String[]> entries = Files.readAllLines(fstab).stream().filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.trim().split("\\s+")).toList();
        assertEquals("LABEL=TAPEROOM-REC", entries.get(0)[0]);
        assertEquals("/var/lib/taperoom", entries.get(0)[1]);
        for (String[] e : entries) assertTrue(e[3].contains("nofail"), "a missing disk must not stop the boot: " + String.join(" ", e));
    }

    @Test
    void theHotspotIsAnAccessPointWithSharedAddressesAndTheLowestPriority() throws Exception {
        Map<String, String> keys = new LinkedHashMap<>();
        String section = "";
        for (String line : Files.readAllLines(files().resolve("taperoom-hotspot.nmconnection"))) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) continue;
            if (l.startsWith("[") && l.endsWith("]")) {
                section = l.substring(1, l.length() - 1);
                continue;
            }
            int eq = l.indexOf('=');
            assertTrue(eq > 0, "not a key file line: " + l);
            keys.put(section + "." + l.substring(0, eq), l.substring(eq + 1));
        }
        assertEquals("wifi", keys.get("connection.type"));
        assertEquals("ap", keys.get("wifi.mode"));
        assertEquals("shared", keys.get("ipv4.method"));
        assertEquals("wpa-psk", keys.get("wifi-security.key-mgmt"));
        assertTrue(Integer.parseInt(keys.get("connection.autoconnect-priority")) < 0, "known networks must win over the hotspot");
    }

    @Test
    void theImagesUnitsPassSystemdAnalyzeVerify(@TempDir Path root) throws Exception {
        Path units = Files.createDirectories(root.resolve("etc/systemd/system"));
        Path sbin = Files.createDirectories(root.resolve("usr/local/sbin"));
        Path hostUnits = Files.createDirectories(root.resolve("usr/lib/systemd/system"));
        try (Stream<Path> host = Files.list(Path.of("/usr/lib/systemd/system"))) {
            for (Path p : (Iterable<Path>) host::iterator) if (Files.isRegularFile(p)) Files.copy(p, hostUnits.resolve(p.getFileName()));
        }
        // Units this recipe orders itself after or before, which the host may lack.
        for (String stand : List.of("NetworkManager.service", "taperoom.service")) {
            Path p = hostUnits.resolve(stand);
            if (!Files.exists(p)) Files.writeString(p, "[Unit]\nDescription=stand-in\n[Service]\nExecStart=/bin/true\n");
        }
        List<String> ours;
        try (Stream<Path> list = Files.list(files())) {
            ours = list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".service") || n.endsWith(".timer")).sorted().toList();
        }
        for (String n : ours) Files.copy(files().resolve(n), units.resolve(n));
        for (String script : List.of("taperoom-firstboot", "taperoom-realtime", "taperoom-wifi-fallback")) {
            Files.copy(files().resolve(script), sbin.resolve(script));
            sbin.resolve(script).toFile().setExecutable(true);
        }
        assertTrue(ours.size() >= 4, ours.toString());
        for (String unit : ours) {
            Run run = Run.of(root, Map.of("SYSTEMD_LOG_COLOR", "0"), List.of("systemd-analyze", "verify", "--root=" + root, "--man=no", unit));
            assertEquals("", run.output().strip(), unit);
            assertEquals(0, run.exit(), unit);
        }
    }
}
