package org.taperoom.appliance.service;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibraryDiskTest {

    @Test
    void withoutTheRequirementAnyFolderWillDo(@TempDir Path dir) {
        assertNull(LibraryDisk.problem(dir.resolve("library"), false));
    }

    @Test
    void aLibraryOnTheRootFileSystemIsRefusedWhenItsOwnDiskIsRequired(@TempDir Path dir) throws Exception {
        Path library = Files.createDirectories(dir.resolve("library"));
        boolean tempIsOnRoot = Files.getFileStore(library).equals(Files.getFileStore(Path.of("/")));
        String problem = LibraryDisk.problem(library, true);
        if (tempIsOnRoot) {
            assertTrue(problem != null && problem.startsWith("the recordings disk is not mounted: "), String.valueOf(problem));
            assertTrue(problem.contains("TAPEROOM-REC"), problem);
        } else {
            System.out.println("LibraryDiskTest: the temporary folder is not on the root file system; checked the missing folder only");
        }
    }

    @Test
    void aMissingLibraryFolderIsAMissingDisk(@TempDir Path dir) {
        String problem = LibraryDisk.problem(dir.resolve("not-mounted"), true);
        assertTrue(problem != null && problem.contains("missing"), String.valueOf(problem));
    }

    @Test
    void aLibraryInRamIsRefused() throws Exception {
        Path shm = Path.of("/dev/shm");
        if (!Files.isDirectory(shm) || !Files.getFileStore(shm).type().equals("tmpfs")) {
            System.out.println("LibraryDiskTest: no tmpfs at /dev/shm; skipped the RAM case");
            return;
        }
        Path library = Files.createTempDirectory(shm, "taperoom-library");
        try {
            String problem = LibraryDisk.problem(library, true);
            assertTrue(problem != null && problem.contains("tmpfs"), String.valueOf(problem));
        } finally {
            Files.delete(library);
        }
    }
}
