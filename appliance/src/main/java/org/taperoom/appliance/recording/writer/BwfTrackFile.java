package org.taperoom.appliance.recording.writer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.taperoom.appliance.wav.BextInfo;
import org.taperoom.appliance.wav.FileOps;
import org.taperoom.appliance.wav.WaveHeader;
import org.taperoom.appliance.wav.WaveLayout;
import org.taperoom.appliance.wav.WordFormat;

/**
 * One track's Broadcast WAV file while it is written. Owned by the writer thread from creation to
 * {@link #finish}; not thread-safe.
 *
 * <p>Crash contract: the samples are appended with positional writes; {@link #sync()} rewrites the
 * size fields for everything appended so far and calls fdatasync, so after a power cut the file
 * is valid up to the last sync and recovery can extend it to every whole frame on disk.
 * {@link #finish} first makes the header declare exactly the final samples (synced), then appends
 * the markers after them: at every step, recovery can tell marker chunks from samples.
 */
public final class BwfTrackFile implements AutoCloseable {
    private final Path path;
    private final FileChannel channel;
    private final FileOps ops;
    private final WordFormat format;
    private final long rf64ThresholdBytes;
    private WaveLayout layout;
    /** Bytes of samples known to be in the file. */
    private long dataBytes;

    private BwfTrackFile(Path path, FileChannel channel, FileOps ops, WordFormat format, WaveLayout layout, long rf64ThresholdBytes) {
        this.path = path;
        this.ops = ops;
        this.channel = channel;
        this.format = format;
        this.layout = layout;
        this.rf64ThresholdBytes = rf64ThresholdBytes;
    }

    /** Creates the file with its header (sizes zero) and syncs it; deletes it again when that fails. */
    public static BwfTrackFile create(Path path, FileOps ops, WordFormat format, int rateHz, BextInfo info, long rf64ThresholdBytes)
            throws IOException {
        FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.READ);
        try {
            byte[] header = WaveHeader.build(format, rateHz, info);
            ops.write(ch, ByteBuffer.wrap(header), 0);
            WaveLayout layout = WaveLayout.read(ch);
            BwfTrackFile f = new BwfTrackFile(path, ch, ops, format, layout, rf64ThresholdBytes);
            f.sync();
            return f;
        } catch (IOException | RuntimeException e) {
            ch.close();
            java.nio.file.Files.deleteIfExists(path);
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
        long start = layout.dataOffset() + dataBytes;
        try {
            ops.write(channel, b, start);
        } finally {
            // Whatever reached the file counts, in whole samples; a torn sample is cut off at finish.
            dataBytes += b.position();
        }
    }

    /** Appends {@code frames} samples of silence through {@code scratch} (as {@link #append}). */
    public void appendSilence(int frames, ByteBuffer scratch) throws IOException {
        int bytes = frames * format.bytesPerSample;
        scratch.clear();
        for (int i = 0; i < bytes; i++) scratch.put(i, (byte) 0);
        scratch.limit(bytes).position(0);
        long start = layout.dataOffset() + dataBytes;
        try {
            ops.write(channel, scratch, start);
        } finally {
            dataBytes += scratch.position();
        }
    }

    /** Rewrites the size fields for what has been appended and calls fdatasync. */
    public void sync() throws IOException {
        layout = layout.writeSizes(ops, channel, dataBytes, dataBytes & 1, rf64ThresholdBytes);
        ops.force(channel, false);
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
            ops.truncate(channel, end);
            // First the header declares exactly these samples, durably; only then come the markers.
            sync();
            byte[] trailing = WaveHeader.markerChunks(markers, dataBytes);
            boolean markersKept = true;
            try {
                ops.write(channel, ByteBuffer.wrap(trailing), end);
            } catch (IOException e) {
                // No room for the markers: keep the audio valid without them (take.json still has them).
                markersKept = false;
                ops.truncate(channel, end);
                trailing = WaveHeader.markerChunks(List.of(), dataBytes);
                if (trailing.length > 0) {
                    try {
                        ops.write(channel, ByteBuffer.wrap(trailing), end);
                    } catch (IOException noPad) {
                        dataBytes -= format.bytesPerSample; // drop the last frame rather than leave an odd chunk
                        ops.truncate(channel, layout.dataOffset() + dataBytes);
                        trailing = new byte[0];
                    }
                }
            }
            layout = layout.writeSizes(ops, channel, dataBytes, trailing.length, rf64ThresholdBytes);
            ops.force(channel, false);
            return markersKept;
        } finally {
            channel.close();
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
