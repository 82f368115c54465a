package org.taperoom.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The optional kiosk package (taperoom-kiosk): what it holds and depends on, lintian, its user,
 * its Chromium policy against the policies this Chromium knows, and its launcher for real: cage on
 * wlroots' headless backend running Debian's Chromium, which must open the panel's kiosk view.
 */
class KioskPackageIT {
    static final Path CHROMIUM_BINARY = Path.of("/usr/lib/chromium/chromium");

    private static String field(String name) throws Exception {
        return Deb.field(Deb.kioskFile(), name);
    }

    @Test
    void thePackageDependsOnTheApplianceCageXwaylandAndChromium() throws Exception {
        assertEquals("taperoom-kiosk", field("Package"));
        assertEquals("all", field("Architecture"));
        List<String> clauses = List.of(field("Depends").split(",\\s*"));
        assertTrue(clauses.contains("taperoom (= " + field("Version") + ")"), clauses.toString());
        // Debian's cage 0.1.4 will not start without Xwayland, and does not depend on it.
        for (String p : List.of("cage", "xwayland", "chromium", "libpam-systemd")) assertTrue(clauses.contains(p), p + " in " + clauses);
    }

    @Test
    void thePackageHoldsTheUnitLauncherPolicyAndSettingsAsConfiguration(@TempDir Path dir) throws Exception {
        Deb.extract(Deb.kioskFile(), dir);
        for (String f : List.of("usr/lib/systemd/system/taperoom-kiosk.service", "usr/lib/sysusers.d/taperoom-kiosk.conf",
                "etc/pam.d/taperoom-kiosk", "etc/chromium/policies/managed/taperoom-kiosk.json", "etc/default/taperoom-kiosk",
                "usr/share/doc/taperoom-kiosk/README.md")) {
            assertTrue(Files.isRegularFile(dir.resolve(f)), f + " is not in the package");
        }
        assertTrue(Files.isExecutable(dir.resolve("usr/libexec/taperoom/kiosk-session")), "the launcher is executable");
        Path control = dir.resolve("control");
        Run run = Run.of(List.of("dpkg-deb", "-e", Deb.kioskFile().toString(), control.toString()));
        assertEquals(0, run.exit(), run.output());
        List<String> conffiles = Files.readAllLines(control.resolve("conffiles"));
        assertEquals(Set.of("/etc/pam.d/taperoom-kiosk", "/etc/chromium/policies/managed/taperoom-kiosk.json", "/etc/default/taperoom-kiosk"),
                Set.copyOf(conffiles), "an administrator's changes survive an upgrade");
        String unit = Files.readString(dir.resolve("usr/lib/systemd/system/taperoom-kiosk.service"));
        for (String line : List.of("User=taperoom-kiosk", "Restart=always", "IPAddressDeny=any", "IPAddressAllow=localhost", "PAMName=taperoom-kiosk")) {
            assertTrue(unit.lines().anyMatch(line::equals), "the unit has " + line);
        }
    }

    @Test
    void lintianReportsNoErrors() throws Exception {
        Deb.assertLintianFindsNoErrors(Deb.kioskFile());
    }

    @Test
    void sysusersMakesTheKioskUserInTheDisplayAndInputGroupsOnly(@TempDir Path root) throws Exception {
        Deb.extract(Deb.kioskFile(), root);
        Files.createDirectories(root.resolve("etc"));
        Run users = Run.of(List.of("systemd-sysusers", "--root=" + root, "taperoom-kiosk.conf"));
        assertEquals(0, users.exit(), users.output());
        String passwd = Files.readString(root.resolve("etc/passwd"));
        assertTrue(passwd.lines().anyMatch(l -> l.startsWith("taperoom-kiosk:") && l.endsWith(":/var/lib/taperoom-kiosk:/usr/sbin/nologin")), passwd);
        Set<String> groups = new TreeSet<>();
        for (String l : Files.readAllLines(root.resolve("etc/group"))) {
            String[] parts = l.split(":", -1);
            if (List.of(parts[3].split(",")).contains("taperoom-kiosk")) groups.add(parts[0]);
        }
        assertEquals(Set.of("input", "render", "video"), groups, "not in audio or taperoom: it cannot read the recordings");
    }

    @Test
    void thePolicyBlocksEverySiteButThisMachineDownloadsAndFilePickersWithPolicyNamesThisChromiumKnows() throws Exception {
        JsonNode policy = new ObjectMapper().readTree(Run.repo().resolve("image-build/src/kiosk-deb/etc/taperoom-kiosk.json").toFile());
        assertEquals("[\"*\"]", policy.get("URLBlocklist").toString());
        for (JsonNode allowed : policy.get("URLAllowlist")) {
            assertTrue(allowed.asText().matches("http://(127\\.0\\.0\\.1|localhost|\\[::1\\])"), "only this machine: " + allowed);
        }
        assertEquals(3, policy.get("DownloadRestrictions").asInt(), "3 blocks every download");
        assertFalse(policy.get("AllowFileSelectionDialogs").asBoolean(true));
        assertEquals(2, policy.get("DeveloperToolsAvailability").asInt());
        assertEquals(1, policy.get("IncognitoModeAvailability").asInt());
        assertFalse(policy.get("BrowserGuestModeEnabled").asBoolean(true));
        // A misspelt policy is ignored without a word: every name must be one this Chromium carries.
        if (!Files.isRegularFile(CHROMIUM_BINARY)) {
            System.out.println("policy names not checked: " + CHROMIUM_BINARY + " is missing");
            return;
        }
        List<String> command = new ArrayList<>(List.of("grep", "-aoF"));
        List<String> names = new ArrayList<>();
        policy.fieldNames().forEachRemaining(names::add);
        for (String n : names) command.addAll(List.of("-e", n));
        command.add(CHROMIUM_BINARY.toString());
        Set<String> known = new TreeSet<>(Run.of(command).output().lines().toList());
        Set<String> unknown = new TreeSet<>(names);
        unknown.removeAll(known);
        assertEquals(Set.of(), unknown, "policies this Chromium does not know");
    }

    @Test
    void theLauncherRefusesABadSettingWithOneLineAndExit2(@TempDir Path dir) throws Exception {
        Path launcher = Run.repo().resolve("image-build/src/kiosk-deb/libexec/kiosk-session");
        Run run = Run.of(dir, Map.of("STATE_DIRECTORY", dir.toString(), "TAPEROOM_KIOSK_NIGHT", "late"), List.of(launcher.toString()));
        assertEquals(2, run.exit(), run.output());
        assertEquals(1, run.output().strip().lines().count(), run.output());
        assertTrue(run.output().contains("TAPEROOM_KIOSK_NIGHT") && run.output().contains("22-7"), run.output());
    }

    @Test
    void theLauncherRunsChromiumInKioskModeUnderCageOnThePanelsKioskView(@TempDir Path dir) throws Exception {
        for (String tool : List.of("/usr/bin/cage", "/usr/bin/chromium", "/usr/bin/Xwayland", "/usr/bin/setpriv")) {
            if (!Files.isExecutable(Path.of(tool))) {
                String reason = "kiosk launcher not run: " + tool + " is missing (.ci/run installs cage, xwayland and chromium)";
                System.out.println(reason);
                Assumptions.abort(reason);
            }
        }
        // The panel's stand-in: a loopback server that notes what the browser asks for.
        BlockingQueue<String> requests = new ArrayBlockingQueue<>(64);
        HttpServer panel = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        panel.createContext("/", exchange -> {
            requests.offer(exchange.getRequestURI().toString());
            byte[] body = "<!doctype html><title>panel</title>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        panel.start();
        // As the unit runs it: an unprivileged user (cage refuses root), its own runtime and state folders.
        UserPrincipal nobody = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        Path runtime = Files.createDirectory(dir.resolve("runtime"));
        Path state = Files.createDirectory(dir.resolve("state"));
        for (Path p : List.of(dir, runtime, state)) Files.setOwner(p, nobody);
        Files.setPosixFilePermissions(runtime, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        Path launcher = Run.repo().resolve("image-build/src/kiosk-deb/libexec/kiosk-session");
        ProcessBuilder pb = new ProcessBuilder("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", launcher.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("session.log").toFile());
        Map<String, String> env = pb.environment();
        env.clear();
        env.putAll(new HashMap<>(Map.of("PATH", "/usr/bin:/bin", "HOME", state.toString(), "STATE_DIRECTORY", state.toString(),
                "XDG_RUNTIME_DIR", runtime.toString(), "WLR_BACKENDS", "headless", "WLR_RENDERER", "pixman", "WLR_LIBINPUT_NO_DEVICES", "1",
                "TAPEROOM_KIOSK_URL", "http://127.0.0.1:" + panel.getAddress().getPort() + "/", "TAPEROOM_KIOSK_IDLE_SECONDS", "45",
                "TAPEROOM_KIOSK_NIGHT", "22-7")));
        Process session = pb.start();
        try {
            String first = requests.poll(90, TimeUnit.SECONDS);
            assertEquals("/?kiosk&idle=45&night=22-7", first,
                    "the browser under cage opens the panel's kiosk view; the session said:\n" + Files.readString(dir.resolve("session.log")));
            List<String> browsers = session.descendants()
                    .map(h -> h.info().arguments().map(a -> String.join(" ", a)).orElse(""))
                    .filter(a -> a.contains("--user-data-dir=" + state.resolve("chromium"))).toList();
            assertTrue(browsers.stream().anyMatch(a -> a.contains("--kiosk") && a.contains("--ozone-platform=wayland")), browsers.toString());
            assertTrue(session.isAlive(), "cage is still running");
        } finally {
            session.descendants().forEach(ProcessHandle::destroyForcibly);
            session.destroyForcibly();
            session.waitFor(10, TimeUnit.SECONDS);
            panel.stop(0);
        }
    }
}
