package org.taperoom.appliance.service;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Whether the library may be recorded into. On the image the root file system is a read-only
 * card under a RAM overlay: a take written there would vanish at the next power cut. The library
 * must then be on a file system of its own (the recordings partition, mounted by label from
 * fstab at /var/lib/taperoom, or a USB disk), not on the one mounted at {@code /}.
 */
public final class LibraryDisk {
    /** File system types that live in RAM: never a place for recordings. */
    private static final Set<String> VOLATILE_TYPES = Set.of("overlay", "tmpfs", "ramfs");

    private LibraryDisk() {}

    /**
     * Null when {@code library} can be recorded into, else one sentence saying why not.
     *
     * @param requireOwnDisk whether the library must be a mount point of its own
     */
    public static String problem(Path library, boolean requireOwnDisk) {
        if (!requireOwnDisk) return null;
        Path folder = library.toAbsolutePath().normalize();
        if (!Files.isDirectory(folder)) return "the recordings disk is missing: " + folder + " does not exist";
        try {
            FileStore store = Files.getFileStore(folder);
            boolean onRoot = store.equals(Files.getFileStore(Path.of("/")));
            if (onRoot || VOLATILE_TYPES.contains(store.type())) {
                return "the recordings disk is not mounted: " + folder + " is on the " + (onRoot ? "root" : store.type())
                        + " file system (mount the partition labelled TAPEROOM-REC or a USB disk)";
            }
            if (!Files.isWritable(folder)) return "the recordings disk at " + folder + " is not writable";
            return null;
        } catch (IOException e) {
            return "the recordings disk at " + folder + " cannot be read: " + e.getMessage();
        }
    }
}
