package org.taperoom.appliance.wav;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/** File operations done as {@link FileOps#DIRECT} does them, each announced first to {@link #before}, which may stop or skip it. */
public abstract class HookedFileOps implements FileOps {

    /**
     * Called before each operation.
     *
     * @param kind  "write", "fdatasync", "fsync", "truncate" or "rename"
     * @param pos   where a write goes or the size a truncation leaves; 0 otherwise
     * @param bytes the bytes a write writes; 0 otherwise
     * @return whether to do the operation (false skips it)
     */
    protected abstract boolean before(String kind, long pos, int bytes) throws IOException;

    @Override
    public final void write(FileChannel ch, ByteBuffer b, long pos) throws IOException {
        if (before("write", pos, b.remaining())) DIRECT.write(ch, b, pos);
    }

    @Override
    public final void force(FileChannel ch, boolean metadata) throws IOException {
        if (before(metadata ? "fsync" : "fdatasync", 0, 0)) DIRECT.force(ch, metadata);
    }

    @Override
    public final void truncate(FileChannel ch, long size) throws IOException {
        if (before("truncate", size, 0)) DIRECT.truncate(ch, size);
    }

    @Override
    public final void rename(Path source, Path target) throws IOException {
        if (before("rename", 0, 0)) DIRECT.rename(source, target);
    }
}
