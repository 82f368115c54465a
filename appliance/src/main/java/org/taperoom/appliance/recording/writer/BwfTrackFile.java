package org.taperoom.appliance.recording.writer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * One track's Broadcast WAV file while it is written. Owned by the writer thread from creation to
 * {@link #finish}; not thread-safe.
 *
 * <p>Crash contract: the samples are appended with positional writes; {@link #sync()} rewrites the
 * size fields for everything appended so far and calls fdatasync, so after a power cut the file
 * is valid up to the last sync and recovery can extend it to every whole frame on disk.
 */
public final class BwfTrackFile implements AutoCloseable {
    private final Path path;
    private final FileChannel channel;
    private final WordFormat format;
    private final long rf64ThresholdBytes;
    private WaveLayout layout;
    /** Bytes of samples known to be in the file. */
    private long dataBytes;

    private BwfTrackFile(Path path, FileChannel channel, WordFormat format, WaveLayout layout, long rf64ThresholdBytes) {
        this.path = path;
        this.channel = channel;
        this.format = format;
        this.layout = layout;
        this.rf64ThresholdBytes = rf64ThresholdBytes;
    }

    /** Creates the file with its header (sizes zero) and syncs it. */
    public static BwfTrackFile create(Path path, WordFormat format, int rateHz, BextInfo info, long rf64ThresholdBytes)
            throws IOException {
        FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.READ);
        try {
            byte[] header = WaveHeader.build(format, rateHz, info);
            WaveLayout.writeFully(ch, ByteBuffer.wrap(header), 0);
            WaveLayout layout = WaveLayout.read(ch);
            BwfTrackFile f = new BwfTrackFile(path, ch, format, layout, rf64ThresholdBytes);
            f.sync();
            return f;
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    public Path path() {
        return path;
    }

    public long frames() {
        return dataBytes / format.bytesPerSample;
    }

    public boolean isRf64() {
        return layout.rf64();
    }

    /**
     * Appends {@code frames} samples of a ring lane from position {@code from}, through
     * {@code scratch}: a little-endian direct buffer big enough for them plus
     * {@link WordFormat#ENCODE_SLACK_BYTES} (direct, so the write call copies it only once, into
     * the page cache).
     */
    public void append(int[] lane, int mask, long from, int frames, ByteBuffer scratch) throws IOException {
        format.encode(lane, mask, from, frames, scratch);
        ByteBuffer b = scratch;
        long pos = layout.dataOffset() + dataBytes;
        try {
            while (b.hasRemaining()) pos += channel.write(b, pos);
        } finally {
            // Whatever reached the file counts, in whole samples; a torn sample is cut off at finish.
            dataBytes = pos - layout.dataOffset();
        }
    }

    /** Rewrites the size fields for what has been appended and calls fdatasync. */
    public void sync() throws IOException {
        layout = layout.writeSizes(channel, dataBytes, dataBytes & 1, rf64ThresholdBytes);
        channel.force(false);
    }

    /**
     * Cuts the samples to {@code frames} whole frames (tracks of a take end together), appends
     * the markers, writes the final sizes, syncs and closes. Returns false when there was no room
     * for the markers: the file is then valid without them.
     */
    public boolean finish(long frames, List<WaveHeader.Marker> markers) throws IOException {
        try {
            dataBytes = Math.min(dataBytes, frames * format.bytesPerSample);
            long end = layout.dataOffset() + dataBytes;
            channel.truncate(end);
            byte[] trailing = WaveHeader.markerChunks(markers, dataBytes);
            try {
                WaveLayout.writeFully(channel, ByteBuffer.wrap(trailing), end);
            } catch (IOException e) {
                // No room for the markers: keep the audio valid without them (take.json still has them).
                channel.truncate(end);
                trailing = WaveHeader.markerChunks(List.of(), dataBytes);
                if (trailing.length > 0) {
                    try {
                        WaveLayout.writeFully(channel, ByteBuffer.wrap(trailing), end);
                    } catch (IOException noPad) {
                        dataBytes -= format.bytesPerSample; // drop the last frame rather than leave an odd chunk
                        channel.truncate(layout.dataOffset() + dataBytes);
                        trailing = new byte[0];
                    }
                }
                layout = layout.writeSizes(channel, dataBytes, trailing.length, rf64ThresholdBytes);
                channel.force(false);
                return false;
            }
            layout = layout.writeSizes(channel, dataBytes, trailing.length, rf64ThresholdBytes);
            channel.force(false);
            return true;
        } finally {
            channel.close();
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
