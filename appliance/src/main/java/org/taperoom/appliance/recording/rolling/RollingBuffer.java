package org.taperoom.appliance.recording.rolling;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.function.LongSupplier;
import org.taperoom.appliance.recording.ring.FrameRing;
import org.taperoom.appliance.recording.ring.RingTap;
import org.tinylog.Logger;

/**
 * Always-on capture's rolling buffer: every captured frame goes into {@link Segment} files in one
 * folder, a new file every {@code segmentFrames}; before a file is begun the oldest ones are
 * deleted until the buffer fits {@code maxBytes} and the disk keeps {@code reserveBytes} free, so
 * it never fills the disk. If even an empty buffer would not leave the reserve, it pauses (and
 * says so once) until there is room. The files survive a restart and are found again by name.
 *
 * <p>A kept take {@link #pin pins} the files of its history: pinned files are not deleted (the
 * buffer may then exceed {@code maxBytes} for a while, never the disk reserve: it pauses instead)
 * until {@link #unpin}.
 *
 * <p>Threading: {@link #append}, {@link #sync} and {@link #close} run on the writer thread; pin,
 * unpin, {@link #segments} and reads may come from the control thread, so the file list is
 * guarded by {@code this}. Appends allocate nothing after construction.
 */
public final class RollingBuffer implements RingTap, AutoCloseable {
    private final Path folder;
    private final int channels;
    private final int rateHz;
    private final long sessionMillis;
    private final long segmentFrames;
    private final long maxBytes;
    private final long reserveBytes;
    private final LongSupplier freeBytes;
    /** Interleaving buffer, writer thread only. */
    private final ByteBuffer chunk;
    private final int chunkFrames;

    /** Guarded by this: every segment, oldest first (the current one last). */
    private final Deque<Segment> segments = new ArrayDeque<>();
    /** Guarded by this: bytes in every segment but the current one, plus the current one's so far. */
    private long bytes;
    /** Guarded by this: files a take is being assembled from; never deleted while here. */
    private final java.util.Set<Segment> pinned = new java.util.HashSet<>();

    /** The ring frame after the last one on disk, -1 before any; written by the writer thread, read by the control side. */
    private volatile long writtenFrame = -1;
    /** Set by close() on any thread; appends after it do nothing. Guarded by {@code fileLock}. */
    private boolean closed;
    /** Serialises the writer thread's appends with a close from another thread. */
    private final Object fileLock = new Object();
    /** The ring's lanes, captured at the first {@link #consume}; writer thread only. */
    private int[][] ringLanes;
    /** The ring {@link #ringLanes} belong to (a restarted engine has a new one); writer thread only. */
    private FrameRing lanesRing;

    // Writer thread only (under fileLock).
    private FileChannel current;
    private long currentFirstFrame = -1;
    private long nextFrame = -1;
    private boolean paused;

    /**
     * @param sessionMillis when the engine (and its ring position 0) started; names this session's files
     * @param freeBytes     the free space of the folder's file system now
     */
    public RollingBuffer(Path folder, int channels, int rateHz, long sessionMillis, long segmentFrames, long maxBytes,
                         long reserveBytes, LongSupplier freeBytes) throws IOException {
        this.folder = folder;
        this.channels = channels;
        this.rateHz = rateHz;
        this.sessionMillis = sessionMillis;
        this.segmentFrames = segmentFrames;
        this.maxBytes = maxBytes;
        this.reserveBytes = reserveBytes;
        this.freeBytes = freeBytes;
        this.chunkFrames = 4096;
        this.chunk = ByteBuffer.allocateDirect(chunkFrames * channels * 4).order(ByteOrder.LITTLE_ENDIAN);
        Files.createDirectories(folder);
        List<Segment> found = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder, "*.s32")) {
            for (Path p : ds) {
                Segment s = Segment.parse(p);
                if (s != null) found.add(s);
            }
        }
        found.sort(Comparator.comparingLong(Segment::sessionMillis).thenComparingLong(Segment::firstFrame));
        for (Segment s : found) {
            segments.addLast(s);
            bytes += Files.size(s.file());
        }
        if (!found.isEmpty()) Logger.info("always-on buffer: found {} files ({} MB) from before", found.size(), bytes >> 20);
    }

    public int channels() {
        return channels;
    }

    public int rateHz() {
        return rateHz;
    }

    public long sessionMillis() {
        return sessionMillis;
    }

    /**
     * Writer thread: appends frames {@code [from, from + frames)} of the ring's lanes (one per
     * channel, indexed by position & mask). A position that does not follow the previous append
     * starts a new file.
     */
    public void append(int[][] lanes, int mask, long from, int frames) throws IOException {
        synchronized (fileLock) {
            if (!closed) appendOpen(lanes, mask, from, frames);
        }
    }

    @Override
    public void consume(FrameRing ring, long from, int frames) throws IOException {
        if (ringLanes == null || ring != lanesRing) {
            lanesRing = ring;
            ringLanes = new int[channels][];
            for (int c = 0; c < channels; c++) ringLanes[c] = ring.lane(c);
        }
        append(ringLanes, ring.mask(), from, frames);
    }

    /** The ring frame after the last one on disk (this session), or -1. */
    public long writtenFrame() {
        return writtenFrame;
    }

    private void appendOpen(int[][] lanes, int mask, long from, int frames) throws IOException {
        long f = from;
        long end = from + frames;
        while (f < end) {
            if (current == null || f != nextFrame || f - currentFirstFrame >= segmentFrames) {
                if (!begin(f)) {
                    nextFrame = -1;
                    return;
                }
            }
            int n = (int) Math.min(Math.min(end - f, chunkFrames), currentFirstFrame + segmentFrames - f);
            chunk.clear();
            for (int i = 0; i < n; i++) {
                int slot = (int) ((f + i) & mask);
                for (int c = 0; c < channels; c++) chunk.putInt(lanes[c][slot]);
            }
            chunk.flip();
            int len = chunk.remaining();
            while (chunk.hasRemaining()) current.write(chunk);
            synchronized (this) {
                bytes += len;
            }
            f += n;
            nextFrame = f;
            writtenFrame = f;
        }
    }

    /** Writer thread: makes what was appended durable. */
    @Override
    public void sync() throws IOException {
        synchronized (fileLock) {
            if (current != null) current.force(false);
        }
    }

    /** Starts a file at {@code frame}, deleting old ones first; false when paused for lack of room. */
    private boolean begin(long frame) throws IOException {
        if (current != null) {
            current.force(false);
            current.close();
            current = null;
        }
        long segmentBytes = segmentFrames * channels * 4L;
        synchronized (this) {
            for (var it = segments.iterator(); it.hasNext() && (bytes + segmentBytes > maxBytes || freeBytes.getAsLong() - segmentBytes < reserveBytes); ) {
                Segment oldest = it.next();
                if (pinned.contains(oldest)) continue;
                it.remove();
                bytes -= Files.size(oldest.file());
                Files.deleteIfExists(oldest.file());
            }
            if (freeBytes.getAsLong() - segmentBytes < reserveBytes) {
                if (!paused) Logger.warn("always-on buffer paused: another {} s would leave less than the free-space minimum",
                        segmentFrames / rateHz);
                paused = true;
                return false;
            }
            if (paused) Logger.info("always-on buffer resumed");
            paused = false;
            Segment s = new Segment(folder.resolve(Segment.name(sessionMillis, channels, rateHz, frame)), sessionMillis, channels, rateHz, frame);
            current = FileChannel.open(s.file(), StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
            segments.addLast(s);
            currentFirstFrame = frame;
            nextFrame = frame;
            return true;
        }
    }

    /**
     * The files holding the last {@code frames} frames before ring position {@code endFrame} of this
     * session, oldest first, as slices; when this session holds fewer, the slices continue back
     * into the files of earlier sessions (a restart gap lies between them). Control thread.
     */
    public synchronized List<Slice> history(long endFrame, long frames) throws IOException {
        List<Slice> out = new ArrayList<>();
        long wanted = frames;
        long end = endFrame;
        long previousSession = sessionMillis;
        for (var it = segments.descendingIterator(); it.hasNext() && wanted > 0; ) {
            Segment s = it.next();
            if (s.channels() != channels || s.rateHz() != rateHz) break;
            long held = framesIn(s);
            if (s.sessionMillis() != previousSession) {
                end = s.firstFrame() + held; // an earlier session: take its last frames
                previousSession = s.sessionMillis();
            }
            long from = Math.max(s.firstFrame(), end - wanted);
            long to = Math.min(end, s.firstFrame() + held);
            if (to <= from) continue;
            out.add(0, new Slice(s, from, to));
            wanted -= to - from;
            end = from;
        }
        return out;
    }

    /** Frames a segment file holds on disk now (whole frames only). */
    long framesIn(Segment s) throws IOException {
        return Files.exists(s.file()) ? Files.size(s.file()) / s.frameBytes() : 0;
    }

    /** Frames {@code [from, to)} of one segment. */
    public record Slice(Segment segment, long fromFrame, long toFrame) {
        public long frames() {
            return toFrame - fromFrame;
        }
    }

    /** Keeps the files of {@code slices} until {@link #unpin}: a take is being assembled from them. */
    public synchronized void pin(List<Slice> slices) {
        pinned.clear();
        for (Slice s : slices) pinned.add(s.segment());
    }

    public synchronized void unpin() {
        pinned.clear();
    }

    /**
     * Reads frames {@code [from, from + frames)} of a slice's segment, channel {@code channel},
     * into {@code dest[0 .. frames)}. Any thread; one open per call.
     */
    public static void read(Segment s, int channel, long from, int frames, int[] dest) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(frames * s.frameBytes()).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel ch = FileChannel.open(s.file(), StandardOpenOption.READ)) {
            long pos = (from - s.firstFrame()) * s.frameBytes();
            while (b.hasRemaining()) {
                int n = ch.read(b, pos + b.position());
                if (n < 0) throw new IOException(s.file() + " ends before frame " + (from + frames));
            }
        }
        for (int i = 0; i < frames; i++) dest[i] = b.getInt((i * s.channels() + channel) * 4);
    }

    /** Whether appends are being dropped for lack of room. Writer thread. */
    public boolean paused() {
        return paused;
    }

    /** The files, oldest first. */
    public synchronized List<Segment> segments() {
        return List.copyOf(segments);
    }

    /** Bytes the buffer holds. */
    public synchronized long bytes() {
        return bytes;
    }

    public Path folder() {
        return folder;
    }

    /** Any thread: ends the current file; later appends do nothing. */
    @Override
    public void close() throws IOException {
        synchronized (fileLock) {
            closed = true;
            closeCurrent();
        }
    }

    private void closeCurrent() throws IOException {
        if (current != null) {
            current.force(false);
            current.close();
            current = null;
        }
    }
}
