package org.taperoom.appliance.dsp.release;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * One ZIP of the release folder for uploading to a distributor's web form: every file under a
 * top folder named like the release. Audio goes in uncompressed (level 0: it does not shrink, and a Pi
 * has better things to do with its cores); text files are deflated.
 */
final class ReleaseZip {
    private ReleaseZip() {}

    static void write(Path folder, Path zip, String topFolder) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).filter(p -> !p.equals(zip)).sorted().toList();
        }
        Path part = zip.resolveSibling(".part-" + zip.getFileName());
        try (OutputStream out = Files.newOutputStream(part); ZipOutputStream z = new ZipOutputStream(out)) {
            for (Path f : files) {
                String name = topFolder + "/" + folder.relativize(f).toString().replace('\\', '/');
                ZipEntry e = new ZipEntry(name);
                boolean text = name.endsWith(".txt") || name.endsWith(".cue") || name.endsWith(".json");
                z.setLevel(text ? 6 : 0);
                z.putNextEntry(e);
                Files.copy(f, z);
                z.closeEntry();
            }
        }
        Files.move(part, zip);
    }
}
