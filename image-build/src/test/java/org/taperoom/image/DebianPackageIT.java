package org.taperoom.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The .deb the build makes, as dpkg, lintian and an administrator see it. */
class DebianPackageIT {

    private static String field(String name) throws Exception {
        return Deb.field(Deb.file(), name);
    }

    @Test
    void theControlFieldsNameThePackageAndEveryRuntimeLibraryAndAJava21OrNewer() throws Exception {
        assertEquals("taperoom", field("Package"));
        assertEquals("all", field("Architecture"));
        assertTrue(field("Version").matches("\\d+\\.\\d+\\.\\d+.*"), field("Version"));
        String depends = field("Depends");
        System.out.println("Depends: " + depends);
        List<String> clauses = List.of(depends.split(",\\s*"));
        assertTrue(clauses.contains("openjdk-21-jre-headless | java21-runtime-headless"),
                "Java >= 21: every Debian JRE from 21 on provides java21-runtime-headless; " + clauses);
        assertTrue(clauses.contains("libasound2 | libasound2t64"), clauses.toString());
        assertTrue(clauses.contains("libsndfile1"), clauses.toString());
        assertTrue(clauses.contains("libebur128-1"), clauses.toString());
    }

    @Test
    void thePackageHoldsTheJarLauncherUnitsAndConfiguration() throws Exception {
        Run run = Run.of(List.of("dpkg-deb", "-c", Deb.file().toString()));
        assertEquals(0, run.exit(), run.output());
        List<String> lines = run.output().lines().toList();
        String[][] expected = {
                {"./usr/share/taperoom/taperoom.jar", "-rw-r--r-- root/root"},
                {"./usr/bin/taperoom", "-rwxr-xr-x root/root"},
                {"./usr/share/taperoom/service.jvmargs", "-rw-r--r-- root/root"},
                {"./usr/lib/systemd/system/taperoom.service", "-rw-r--r-- root/root"},
                {"./usr/lib/sysusers.d/taperoom.conf", "-rw-r--r-- root/root"},
                {"./usr/lib/tmpfiles.d/taperoom.conf", "-rw-r--r-- root/root"},
                {"./usr/lib/udev/rules.d/70-taperoom-audio.rules", "-rw-r--r-- root/root"},
                {"./usr/lib/udev/rules.d/60-taperoom-gpio.rules", "-rw-r--r-- root/root"},
                {"./usr/share/doc/taperoom/README.md", "-rw-r--r-- root/root"},
                {"./etc/taperoom/taperoom.conf", "-rw-r--r-- root/root"},
                {"./etc/avahi/services/taperoom.service", "-rw-r--r-- root/root"},
                {"./usr/share/doc/taperoom/copyright", "-rw-r--r-- root/root"},
                {"./usr/share/doc/taperoom/changelog.gz", "-rw-r--r-- root/root"}};
        for (String[] e : expected) {
            String line = lines.stream().filter(l -> l.endsWith(" " + e[0])).findFirst().orElse(null);
            assertTrue(line != null, e[0] + " is missing from the package:\n" + run.output());
            assertTrue(line.startsWith(e[1]), e[0] + " should be " + e[1] + ": " + line);
        }
        assertFalse(run.output().contains("./var/lib/taperoom/library"),
                "the library is made by tmpfiles.d, never shipped: dpkg would own the recordings folder");
    }

    @Test
    void theUnitNamesOnlyDocumentationThePackageShipsAndKeepsTheFolderModesOfTmpfiles() throws Exception {
        String listing = Run.of(List.of("dpkg-deb", "-c", Deb.file().toString())).output();
        String unit = Files.readString(Run.repo().resolve("systemd/taperoom.service"));
        java.util.regex.Matcher doc = java.util.regex.Pattern.compile("(?m)^Documentation=file://(\\S+)").matcher(unit);
        int docs = 0;
        while (doc.find()) {
            docs++;
            assertTrue(listing.contains(" ." + doc.group(1) + "\n"), "Documentation= names " + doc.group(1) + ", which the package does not ship");
        }
        assertTrue(docs > 0, unit);
        // StateDirectory=/LogsDirectory= reset their folders' modes at every start: they must say tmpfiles' modes.
        String tmpfiles = Files.readString(Run.repo().resolve("systemd/taperoom.tmpfiles"));
        assertTrue(tmpfiles.contains("d /var/lib/taperoom             0750"), tmpfiles);
        assertTrue(unit.contains("\nStateDirectoryMode=0750\n"), "StateDirectory= would reset /var/lib/taperoom to 0755");
        assertTrue(tmpfiles.contains("d /var/log/taperoom             0750"), tmpfiles);
        assertTrue(unit.contains("\nLogsDirectoryMode=0750\n"), "LogsDirectory= would reset /var/log/taperoom to 0755");
        // The JVM's exit after SIGTERM (128 + 15) is a clean stop.
        assertTrue(unit.contains("\nSuccessExitStatus=143\n"), "systemctl stop would leave the unit failed");
    }

    @Test
    void everyFileInEtcIsAConffile(@TempDir Path control) throws Exception {
        Deb.extractControl(control);
        List<String> conffiles = Files.readAllLines(control.resolve("conffiles")).stream().map(String::strip).toList();
        assertEquals(List.of("/etc/avahi/services/taperoom.service", "/etc/taperoom/taperoom.conf"),
                conffiles.stream().sorted().toList());
    }

    @Test
    void theMaintainerScriptsAreExecutableShellThatCreateTheUserBuildTheArchiveAndEnableTheService(@TempDir Path control)
            throws Exception {
        Deb.extractControl(control);
        for (String script : List.of("postinst", "prerm", "postrm")) {
            Path p = control.resolve(script);
            assertTrue(Files.isRegularFile(p), script + " is missing");
            assertTrue(PosixFilePermissions.toString(Files.getPosixFilePermissions(p)).startsWith("rwx"), script + " is not executable");
            List<String> lines = Files.readAllLines(p);
            assertEquals("#!/bin/sh", lines.get(0), script);
            assertTrue(lines.contains("set -e"), script + " must stop at the first failure");
        }
        String postinst = Files.readString(control.resolve("postinst"));
        assertTrue(postinst.contains("systemd-sysusers ${DPKG_ROOT:+--root=\"$DPKG_ROOT\"} taperoom.conf"), "postinst creates the user");
        assertTrue(postinst.contains("systemd-tmpfiles ${DPKG_ROOT:+--root=\"$DPKG_ROOT\"} --create taperoom.conf"), "postinst creates the folders");
        assertTrue(postinst.contains("TAPEROOM_JAVA_OPTS=\"@/usr/share/taperoom/service.jvmargs\""),
                "postinst builds the CDS archive with the service's own JVM options");
        assertTrue(postinst.contains("deb-systemd-helper enable taperoom.service"), "postinst enables the service");
    }

    @Test
    void purgeRemovesTheConfigurationButNeverTheRecordings(@TempDir Path dir) throws Exception {
        Path control = Files.createDirectories(dir.resolve("control"));
        Deb.extractControl(control);
        Path root = dir.resolve("root");
        Path take = Files.createDirectories(root.resolve("var/lib/taperoom/library/2026-11-25/120000-song"));
        Files.writeString(take.resolve("01-in1.wav"), "a take that must survive");
        Files.createDirectories(root.resolve("etc/taperoom"));
        Files.writeString(root.resolve("etc/taperoom/taperoom.conf"), "channels = 8\n");
        Files.writeString(root.resolve("etc/taperoom/pin"), "1234\n");
        Files.createDirectories(root.resolve("var/cache/taperoom"));
        Files.writeString(root.resolve("var/cache/taperoom/taperoom.jsa"), "archive");
        // Stand-ins for the init system's helpers, so the purge touches nothing of this machine.
        Path bin = Files.createDirectories(dir.resolve("bin"));
        for (String tool : List.of("deb-systemd-helper", "systemctl")) {
            Path stub = bin.resolve(tool);
            Files.writeString(stub, "#!/bin/sh\necho \"$0 $*\" >> \"" + dir.resolve("calls") + "\"\n");
            stub.toFile().setExecutable(true);
        }
        Run run = Run.of(dir, Map.of("DPKG_ROOT", root.toString(), "PATH", bin + ":" + System.getenv("PATH")),
                List.of("sh", control.resolve("postrm").toString(), "purge"));
        assertEquals(0, run.exit(), run.output());
        assertFalse(Files.exists(root.resolve("etc/taperoom")), "purge leaves the configuration behind");
        assertFalse(Files.exists(root.resolve("var/cache/taperoom")), "purge leaves the CDS archive behind");
        assertEquals("a take that must survive", Files.readString(take.resolve("01-in1.wav")));
        assertTrue(run.output().contains("recordings kept"), run.output());
        assertTrue(Files.readString(dir.resolve("calls")).contains("deb-systemd-helper purge taperoom.service"));
    }

    @Test
    void postinstConfiguresThePackageInAChrootWithoutProcAsAnImageBuildDoes(@TempDir Path dir) throws Exception {
        assumeTrue(Run.of(List.of("unshare", "--mount", "true")).exit() == 0,
                "skipped: this machine does not allow a private mount namespace (unshare --mount)");
        Path control = Files.createDirectories(dir.resolve("control"));
        Deb.extractControl(control);
        Path files = Files.createDirectories(dir.resolve("files"));
        Deb.extract(files);
        // A private mount namespace stands for the image's chroot: scratch /etc and /var, the
        // package's sysusers/tmpfiles files in place, and no /proc (an empty folder over it).
        String chroot = """
                set -eu
                mount --make-rprivate /
                cp -a /etc "$D/etc" && mount --bind "$D/etc" /etc
                for v in lib cache log; do mount -t tmpfs scratch /var/$v; done
                mount --bind "$F/usr/lib/sysusers.d" /usr/lib/sysusers.d
                mount --bind "$F/usr/lib/tmpfiles.d" /usr/lib/tmpfiles.d
                mount -t tmpfs no-proc /proc
                set +e
                sh "$D/control/postinst" configure ""
                echo "postinst exit $?"
                grep '^taperoom:' /etc/passwd
                """;
        Run run = Run.of(dir, Map.of("D", dir.toString(), "F", files.toString()), List.of("unshare", "--mount", "sh", "-c", chroot));
        assertTrue(run.output().contains("postinst exit 0"), run.output());
        assertTrue(run.output().contains("\ntaperoom:x:"), "the user was not created:\n" + run.output());
    }

    @Test
    void theInstalledLauncherFindsAJava21OrNewerAndRunsTheJar(@TempDir Path root) throws Exception {
        Deb.extract(root);
        Run run = Run.of(root, Map.of("TAPEROOM_JAR", root.resolve("usr/share/taperoom/taperoom.jar").toString()),
                List.of("sh", root.resolve("usr/bin/taperoom").toString(), "--help"));
        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains("Usage: taperoom <command>"), run.output());
    }

    @Test
    void theInstalledLauncherRunsEveryCommandWithTheHeapAndCollectorOfTheService(@TempDir Path root) throws Exception {
        Deb.extract(root);
        Run run = Run.of(root, Map.of("TAPEROOM_JAVA_OPTS", "-XX:+PrintFlagsFinal"),
                List.of("sh", root.resolve("usr/bin/taperoom").toString(), "record", "--help"));
        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().matches("(?s).*\\bMaxHeapSize += 201326592 .*"), "heap not capped at 192 MiB");
        assertTrue(run.output().matches("(?s).*\\bUseZGC += true .*"), "not on ZGC");
        // One place: the service's own argfile adds only what is the service's (its CDS archive).
        String service = Files.readString(root.resolve("usr/share/taperoom/service.jvmargs"));
        assertFalse(service.contains("-Xm") || service.contains("GC"), "memory settings outside taperoom.jvmargs:\n" + service);
    }

    @Test
    void theArchiveTrainedWithTheServicesJvmOptionsIsUsedByTheService(@TempDir Path dir) throws Exception {
        // What postinst does, in a scratch folder: a training run with the service's argfile writes
        // the archive at exit; the next start with the same argfile maps it instead of refusing it.
        Path root = Files.createDirectories(dir.resolve("root"));
        Deb.extract(root);
        Path archive = dir.resolve("taperoom.jsa");
        Path args = dir.resolve("service.jvmargs");
        Files.writeString(args, Files.readString(root.resolve("usr/share/taperoom/service.jvmargs"))
                .replace("/var/cache/taperoom/taperoom.jsa", archive.toString()));
        Files.writeString(dir.resolve("taperoom.conf"), "panelAddress = 127.0.0.1\npanelPort = 0\ngpio = off\nlibrary = " + dir.resolve("library") + "\n");
        Map<String, String> env = Map.of("TAPEROOM_JAR", root.resolve("usr/share/taperoom/taperoom.jar").toString(), "TAPEROOM_JAVA_OPTS", "@" + args);
        String launcher = root.resolve("usr/bin/taperoom").toString();
        Run training = Run.of(dir, env, List.of("sh", launcher, "serve", "--exit-when-ready", "--config", dir.resolve("taperoom.conf").toString()));
        assertEquals(0, training.exit(), training.output());
        assertTrue(Files.size(archive) > 1_000_000, "no archive written:\n" + training.output());

        Map<String, String> withLog = Map.of("TAPEROOM_JAR", env.get("TAPEROOM_JAR"), "TAPEROOM_JAVA_OPTS", "@" + args + " -Xlog:cds=info");
        Run next = Run.of(dir, withLog, List.of("sh", launcher, "--help"));
        assertEquals(0, next.exit(), next.output());
        assertFalse(next.output().contains("Loading dynamic archive failed"), next.output());
        assertTrue(next.output().contains("Mapped dynamic region"), next.output());
    }

    @Test
    void lintianReportsNoErrors() throws Exception {
        Deb.assertLintianFindsNoErrors(Deb.file());
    }
}
