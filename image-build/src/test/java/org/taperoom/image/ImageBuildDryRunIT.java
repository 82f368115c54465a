package org.taperoom.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** build-image.sh --dry-run: everything pi-gen would be given is checked, nothing is built. */
class ImageBuildDryRunIT {
    private static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBuildImageDryRunTestKeyOnly test@taperoom";

    /** A stand-in for a pi-gen checkout whose build.sh leaves a mark if anything calls it. */
    private static Path fakePiGen(Path dir) throws Exception {
        Path piGen = Files.createDirectories(dir.resolve("pi-gen"));
        Path build = piGen.resolve("build.sh");
        Files.writeString(build, "#!/bin/sh\ntouch \"$(dirname \"$0\")/CALLED\"\n");
        build.toFile().setExecutable(true);
        return piGen;
    }

    private static Run dryRun(Path piGen, Map<String, String> env, String... options) throws Exception {
        Path script = Run.repo().resolve("image-build/build-image.sh");
        List<String> command = new ArrayList<>(List.of("bash", script.toString(), "--dry-run"));
        command.addAll(List.of(options));
        command.add(piGen.toString());
        return Run.of(piGen, env, command);
    }

    @Test
    void theDryRunChecksThePackageKeyAndStageAndSourcesThePiGenConfig(@TempDir Path dir) throws Exception {
        Path piGen = fakePiGen(dir);
        Run run = dryRun(piGen, Map.of("TAPEROOM_SSH_KEY", KEY, "TAPEROOM_DEB", Deb.file().toString()));
        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains("would build taperoom (trixie, arm64) with stages: stage0 stage1 stage2 "), run.output());
        assertTrue(run.output().contains("stage-taperoom"), run.output());
        assertFalse(Files.exists(piGen.resolve("CALLED")), "a dry run must not start pi-gen");
    }

    @Test
    void withoutAnSshKeyTheBuildRefusesWithOneLineSayingWhatIsMissing(@TempDir Path dir) throws Exception {
        Run run = dryRun(fakePiGen(dir), Map.of("TAPEROOM_SSH_KEY", "", "TAPEROOM_DEB", Deb.file().toString()));
        assertEquals(2, run.exit(), run.output());
        assertEquals("build-image: set TAPEROOM_SSH_KEY to your public SSH key (the image allows no password login)", run.output().strip());
    }

    @Test
    void withKioskTheImageAlsoGetsTheKioskPackageOfTheSameVersion(@TempDir Path dir) throws Exception {
        Path piGen = fakePiGen(dir);
        Run run = dryRun(piGen, Map.of("TAPEROOM_SSH_KEY", KEY, "TAPEROOM_DEB", Deb.file().toString(),
                "TAPEROOM_KIOSK_DEB", Deb.kioskFile().toString()), "--kiosk");
        assertEquals(0, run.exit(), run.output());
        String version = Run.of(dir, Map.of(), List.of("dpkg-deb", "--field", Deb.kioskFile().toString(), "Version")).output().strip();
        assertTrue(run.output().contains("build-image: with the kiosk: taperoom-kiosk " + version), run.output());
        assertFalse(Files.exists(piGen.resolve("CALLED")), "a dry run must not start pi-gen");
    }

    @Test
    void withKioskGivenTheWrongPackageTheBuildRefusesWithOneLine(@TempDir Path dir) throws Exception {
        Run run = dryRun(fakePiGen(dir), Map.of("TAPEROOM_SSH_KEY", KEY, "TAPEROOM_DEB", Deb.file().toString(),
                "TAPEROOM_KIOSK_DEB", Deb.file().toString()), "--kiosk");
        assertEquals(2, run.exit(), run.output());
        assertEquals("build-image: " + Deb.file() + " is not the taperoom-kiosk package", run.output().strip());
    }

    @Test
    void anUnknownOptionIsRefusedWithOneLineNamingTheKnownOnes(@TempDir Path dir) throws Exception {
        Run run = dryRun(fakePiGen(dir), Map.of("TAPEROOM_SSH_KEY", KEY, "TAPEROOM_DEB", Deb.file().toString()), "--kiosc");
        assertEquals(2, run.exit(), run.output());
        assertEquals("build-image: unknown option --kiosc: expected --dry-run or --kiosk before PI_GEN_DIR", run.output().strip());
    }
}
