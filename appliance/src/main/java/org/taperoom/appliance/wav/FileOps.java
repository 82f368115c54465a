package org.taperoom.appliance.wav;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The file operations a crash-safe writer makes, each one call: the seam where tests count the
 * syncs or stop the process (or abandon the files) at the Nth operation to prove recovery at every
 * step. {@link #DIRECT} does them; nothing else in production implements it.
 */
public interface FileOps {
    /** Writes all of {@code b} at {@code pos}. */
    void write(FileChannel ch, ByteBuffer b, long pos) throws IOException;

    /** fdatasync ({@code metadata} false) or fsync. */
    void force(FileChannel ch, boolean metadata) throws IOException;

    void truncate(FileChannel ch, long size) throws IOException;

    /** Replaces {@code target} by {@code source} atomically where the file system can. */
    void rename(Path source, Path target) throws IOException;

    FileOps DIRECT = new FileOps() {
        @Override
        public void write(FileChannel ch, ByteBuffer b, long pos) throws IOException {
            while (b.hasRemaining()) pos += ch.write(b, pos);
        }

        @Override
        public void force(FileChannel ch, boolean metadata) throws IOException {
            ch.force(metadata);
        }

        @Override
        public void truncate(FileChannel ch, long size) throws IOException {
            ch.truncate(size);
        }

        @Override
        public void rename(Path source, Path target) throws IOException {
            try {
                Files.move(source, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    };
}
