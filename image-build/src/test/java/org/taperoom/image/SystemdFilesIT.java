package org.taperoom.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * The unit, sysusers, tmpfiles and Avahi files as systemd's own tools read them. No running
 * systemd is needed: the package is unpacked into a temporary root next to this machine's
 * standard units (sysinit.target, …), and the tools are pointed at that root.
 */
class SystemdFilesIT {
    private static final Path HOST_UNITS = Path.of("/usr/lib/systemd/system");

    /** Both packages unpacked (the appliance and the optional kiosk), with the host's standard units beside ours. */
    private static Path installedRoot(Path root) throws Exception {
        Deb.extract(root);
        Deb.extract(Deb.kioskFile(), root);
        Path units = root.resolve("usr/lib/systemd/system");
        try (Stream<Path> host = Files.list(HOST_UNITS)) {
            for (Path p : (Iterable<Path>) host::iterator) {
                Path target = units.resolve(p.getFileName());
                if (Files.isRegularFile(p) && !Files.exists(target)) Files.copy(p, target);
            }
        }
        return root;
    }

    private static List<String> ourUnits() throws Exception {
        try (Stream<Path> files = Files.list(Run.repo().resolve("systemd"))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("taperoom.*\\.(service|socket|timer|path|mount)") && !n.endsWith(".avahi.service"))
                    .sorted().toList();
        }
    }

    private static Run verify(Path root, String unit) throws Exception {
        return Run.of(root, Map.of("SYSTEMD_LOG_COLOR", "0"),
                List.of("systemd-analyze", "verify", "--root=" + root, "--man=no", unit));
    }

    @Test
    void systemdAnalyzeVerifyFindsNothingWrongInAnyUnit(@TempDir Path dir) throws Exception {
        Path root = installedRoot(dir);
        List<String> units = ourUnits();
        assertFalse(units.isEmpty(), "no units found in systemd/");
        for (String unit : units) {
            assertTrue(Files.exists(root.resolve("usr/lib/systemd/system").resolve(unit)), unit + " is not in the package");
            Run run = verify(root, unit);
            System.out.println("systemd-analyze verify " + unit + ": exit " + run.exit() + (run.output().isBlank() ? ", no findings" : "\n" + run.output()));
            assertEquals(0, run.exit(), run.output());
            assertEquals("", run.output().strip(), "systemd-analyze verify " + unit + " has findings");
        }
    }

    @Test
    void theVerificationNoticesAMistypedKeyAndAMissingExecutable(@TempDir Path dir) throws Exception {
        // Shows the check above can fail: the same tool, the same root, one broken copy of the unit.
        Path root = installedRoot(dir);
        Path unit = root.resolve("usr/lib/systemd/system/taperoom.service");
        Files.writeString(unit, Files.readString(unit).replace("NoNewPrivileges=yes", "NoNewPrivilege=yes"));
        Files.delete(root.resolve("usr/bin/taperoom"));
        Run run = verify(root, "taperoom.service");
        assertTrue(run.output().contains("Unknown key"), run.output());
        assertTrue(run.output().contains("/usr/bin/taperoom"), run.output());
    }

    /** systemd-analyze security's overall exposure of one of our units (0 safest, 10 worst); what it faults is printed. */
    private static double exposure(String unitName) throws Exception {
        Path unit = Run.repo().resolve("systemd").resolve(unitName);
        Run run = Run.of(Run.repo(), Map.of("SYSTEMD_LOG_COLOR", "0"),
                List.of("systemd-analyze", "security", "--offline=true", "--no-pager", unit.toString()));
        Matcher m = Pattern.compile("Overall exposure level for " + Pattern.quote(unitName) + ": (\\d+\\.\\d+)").matcher(run.output());
        assertTrue(m.find(), run.output());
        double exposure = Double.parseDouble(m.group(1));
        System.out.println("systemd-analyze security --offline=true " + unitName + ": " + exposure);
        run.output().lines().filter(l -> l.startsWith("✗")).forEach(l -> System.out.println("  " + l.replaceAll("\\s{2,}", "  ")));
        return exposure;
    }

    @Test
    void theServiceIsHardenedToAnExposureOf2OrLess() throws Exception {
        double exposure = exposure("taperoom.service");
        assertTrue(exposure <= 2.0, "exposure " + exposure + " is above 2.0 (OK)");
    }

    @Test
    void theKioskUnitIsHardenedToAnExposureOf3OrLess() throws Exception {
        // Chromium's sandbox needs user namespaces and a JIT, and cage needs the display and input
        // devices: the unit says which options are left out and why. Measured 2.9 when written.
        double exposure = exposure("taperoom-kiosk.service");
        assertTrue(exposure <= 3.0, "exposure " + exposure + " is above 3.0");
    }

    @Test
    void sysusersAndTmpfilesCreateTheUserInItsGroupsAndTheFoldersWithTheirOwners(@TempDir Path dir) throws Exception {
        Path root = dir.resolve("root");
        Deb.extract(root);
        Files.createDirectories(root.resolve("etc"));
        Run users = Run.of(List.of("systemd-sysusers", "--root=" + root, "taperoom.conf"));
        assertEquals(0, users.exit(), users.output());
        String passwd = Files.readString(root.resolve("etc/passwd"));
        String group = Files.readString(root.resolve("etc/group"));
        assertTrue(passwd.lines().anyMatch(l -> l.startsWith("taperoom:") && l.endsWith(":/var/lib/taperoom:/usr/sbin/nologin")), passwd);
        assertTrue(group.lines().anyMatch(l -> l.startsWith("audio:") && l.matches(".*[:,]taperoom(,.*)?$")), group);
        assertTrue(group.lines().anyMatch(l -> l.startsWith("gpio:") && l.matches(".*[:,]taperoom(,.*)?$")), group);

        Run folders = Run.of(List.of("systemd-tmpfiles", "--root=" + root, "--create", "taperoom.conf"));
        assertEquals(0, folders.exit(), folders.output());
        Path library = root.resolve("var/lib/taperoom/library");
        assertTrue(Files.isDirectory(library), "no library folder");
        assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(library)));
        int uid = Integer.parseInt(passwd.lines().filter(l -> l.startsWith("taperoom:")).findFirst().orElseThrow().split(":")[2]);
        assertEquals(uid, (Integer) Files.getAttribute(library, "unix:uid"));
    }

    @Test
    void theAvahiServiceFileParsesAndAnnouncesTheHttpPanel() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = f.newDocumentBuilder().parse(Run.repo().resolve("systemd/taperoom.avahi.service").toFile());
        assertEquals("service-group", doc.getDocumentElement().getTagName());
        assertEquals("_http._tcp", doc.getElementsByTagName("type").item(0).getTextContent());
        int port = Integer.parseInt(doc.getElementsByTagName("port").item(0).getTextContent());
        assertTrue(port > 0 && port < 65536);
    }

    @Test
    void theUdevRuleTagsUsbSoundCardsAndTurnsTheirAutosuspendOff() throws Exception {
        List<String> rules = new ArrayList<>();
        for (String l : Files.readAllLines(Run.repo().resolve("systemd/70-taperoom-audio.rules"))) {
            if (!l.isBlank() && !l.startsWith("#")) rules.add(l);
        }
        // udevadm of Debian 12 has no offline "verify"; check the rule's shape: KEY op "value" pairs.
        Pattern pair = Pattern.compile("\\s*[A-Z_]+(\\{[^}]+\\})?\\s*(==|!=|\\+=|=|:=)\\s*\"[^\"]*\"\\s*");
        for (String rule : rules) {
            for (String part : rule.split(",")) assertTrue(pair.matcher(part).matches(), "not a udev key: '" + part + "' in " + rule);
        }
        assertTrue(rules.stream().anyMatch(r -> r.contains("SUBSYSTEM==\"sound\"") && r.contains("TAG+=\"taperoom\"")));
        assertTrue(rules.stream().anyMatch(r -> r.contains("power/control}=\"on\"")));
    }
}
