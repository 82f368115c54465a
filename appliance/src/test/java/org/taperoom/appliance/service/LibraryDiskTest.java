package org.taperoom.appliance.service;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibraryDiskTest {

    @Test
    void withoutTheRequirementAnyFolderWillDo(@TempDir Path dir) {
        assertNull(LibraryDisk.problem(dir.resolve("library"), false));
    }

    @Test
    void aLibraryOnTheRootFileSystemIsRefusedWhenItsOwnDiskIsRequired(@TempDir Path dir) throws Exception {
        Path library = folderOnTheRootFileSystem(dir);
        String problem = LibraryDisk.problem(library, true);
        assertTrue(problem != null && problem.startsWith("the recordings disk is not mounted: "), library + ": " + problem);
        assertTrue(problem.contains("root") && problem.contains("TAPEROOM-REC"), problem);
    }

    /**
     * A folder on the file system mounted at {@code /}: the test's own temporary folder where it is
     * there, else the first of the usual places that is, else {@code /} itself (which always is).
     */
    private static Path folderOnTheRootFileSystem(Path temp) throws Exception {
        FileStore root = Files.getFileStore(Path.of("/"));
        Path library = Files.createDirectories(temp.resolve("library"));
        if (Files.getFileStore(library).equals(root)) return library;
        for (String candidate : new String[] {System.getProperty("user.dir"), System.getProperty("user.home"), "/var/tmp"}) {
            Path p = Path.of(candidate);
            if (Files.isDirectory(p) && Files.getFileStore(p).equals(root)) return p;
        }
        return Path.of("/");
    }

    @Test
    void aMissingLibraryFolderIsAMissingDisk(@TempDir Path dir) {
        String problem = LibraryDisk.problem(dir.resolve("not-mounted"), true);
        assertTrue(problem != null && problem.contains("missing"), String.valueOf(problem));
    }

    @Test
    void aLibraryInRamIsRefused() throws Exception {
        Path ram = writableRamFolder();
        assumeTrue(ram != null, "skipped: no writable tmpfs or ramfs is mounted here (looked at /dev/shm and /proc/mounts)");
        Path library = Files.createTempDirectory(ram, "taperoom-library");
        try {
            String problem = LibraryDisk.problem(library, true);
            assertTrue(problem != null && problem.contains(Files.getFileStore(library).type()), String.valueOf(problem));
        } finally {
            Files.delete(library);
        }
    }

    /** A writable folder on a file system that lives in RAM, or null when there is none. */
    private static Path writableRamFolder() throws Exception {
        List<Path> candidates = new ArrayList<>(List.of(Path.of("/dev/shm")));
        Path mounts = Path.of("/proc/mounts");
        if (Files.isReadable(mounts)) {
            for (String line : Files.readAllLines(mounts)) {
                String[] f = line.split(" ");
                if (f.length > 2 && (f[2].equals("tmpfs") || f[2].equals("ramfs"))) candidates.add(Path.of(f[1]));
            }
        }
        for (Path p : candidates) {
            if (!Files.isDirectory(p) || !Files.isWritable(p)) continue;
            String type = Files.getFileStore(p).type();
            if (type.equals("tmpfs") || type.equals("ramfs")) return p;
        }
        return null;
    }
}
