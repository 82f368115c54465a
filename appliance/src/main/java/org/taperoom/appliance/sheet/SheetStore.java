package org.taperoom.appliance.sheet;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * A song sheet stored as {@code sheet.cho} (ChordPro, UTF-8) in a take's or song's folder, beside
 * its other documents. A rewrite never leaves a torn file: the text goes to a temporary file in
 * the same folder, is flushed to the disk, renamed over the old one, and the folder is flushed, so
 * after a power cut the file is the old sheet or the new one.
 */
public final class SheetStore {
    public static final String FILE_NAME = "sheet.cho";

    private SheetStore() {}

    /** The folder's sheet, or empty when it has none. */
    public static Optional<SongSheet> read(Path folder) throws IOException, SheetException {
        Path file = folder.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) return Optional.empty();
        return Optional.of(ChordPro.parse(Files.readString(file, StandardCharsets.UTF_8)));
    }

    public static void write(Path folder, SongSheet sheet) throws IOException {
        Path file = folder.resolve(FILE_NAME);
        Path tmp = folder.resolve("." + FILE_NAME + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer b = ByteBuffer.wrap(ChordPro.write(sheet).getBytes(StandardCharsets.UTF_8));
            while (b.hasRemaining()) ch.write(b);
            ch.force(true);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        }
    }
}
