package org.taperoom.appliance.recording.writer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.taperoom.appliance.recording.ring.FrameRing;
import org.taperoom.appliance.recording.take.EndReason;
import org.taperoom.appliance.recording.take.TakeInfo;
import org.taperoom.appliance.recording.take.TakeJson;
import org.taperoom.appliance.recording.take.TakeRef;
import org.taperoom.appliance.wav.BextInfo;
import org.taperoom.appliance.wav.FileOps;
import org.taperoom.appliance.wav.WaveHeader;
import org.taperoom.appliance.wav.WordFormat;

/**
 * A take being written: its track files, its take.json, and where it stands in the ring. Created
 * (files and all) on the thread that asks for the take, then owned by the writer thread until it
 * is finished.
 *
 * <p>Timeline: a gap the capture lost (an overrun) is filled with as many frames of silence as
 * were lost, at its position, when {@code fillGaps} is set; file frame = ring frame - start + the
 * silence filled before it. Markers and overruns reach take.json with the batch of audio written
 * after them, so a kill keeps the metadata of the audio it keeps.
 */
public final class TakeWriter {
    private final TakeRef ref;
    private final TakeInfo info;
    private final FileOps ops;
    private final boolean fillGaps;
    private final BwfTrackFile[] files;
    /** Ring lane (0-based input) of each track file. */
    private final int[] lanes;
    private final long startFrame;
    /** Ring position of the stop, or Long.MAX_VALUE before it. */
    private long stopFrame = Long.MAX_VALUE;
    /** Frames of the files at which the duration limit ends the take, or Long.MAX_VALUE. */
    private final long maxFrames;
    private long nextFrame;
    /** Frames of silence written for gaps so far. */
    private long filledFrames;
    /** Gaps filled so far: ring position and frames of silence. */
    private final List<long[]> filled = new ArrayList<>();
    /** Gaps still to fill, by ring position, oldest first. */
    private final java.util.ArrayDeque<long[]> gaps = new java.util.ArrayDeque<>();
    private boolean metadataDirty;

    private TakeWriter(TakeRef ref, TakeInfo info, FileOps ops, boolean fillGaps, BwfTrackFile[] files, int[] lanes,
                       long startFrame, long maxFrames) {
        this.ref = ref;
        this.info = info;
        this.ops = ops;
        this.fillGaps = fillGaps;
        this.files = files;
        this.lanes = lanes;
        this.startFrame = startFrame;
        this.nextFrame = startFrame;
        this.maxFrames = maxFrames;
    }

    /**
     * Creates the track files and take.json (state "recording") in {@code folder}.
     *
     * @param lanes      0-based input of each track, in track order
     * @param trackNames a name per track
     * @param infos      bext/iXML content per track
     * @param maxFrames  the take's length limit in frames, or Long.MAX_VALUE
     * @param fillGaps   fill the frames an overrun lost with silence (the take keeps its timeline)
     * @param ops        every write, sync, truncation and rename goes through it
     */
    public static TakeWriter create(TakeRef ref, TakeInfo info, int[] lanes, List<BextInfo> infos, WordFormat format,
                                    long startFrame, long maxFrames, long rf64ThresholdBytes, boolean fillGaps, FileOps ops)
            throws IOException {
        BwfTrackFile[] files = new BwfTrackFile[lanes.length];
        info.overrunGaps = fillGaps ? TakeInfo.GAPS_FILLED : TakeInfo.GAPS_CLOSED;
        try {
            // take.json first: whatever happens next, recovery finds the take and its track list.
            TakeJson.write(ref.folder(), info, ops);
            for (int t = 0; t < lanes.length; t++) {
                Path p = ref.folder().resolve(info.tracks.get(t).file());
                files[t] = BwfTrackFile.create(p, ops, format, info.rateHz, infos.get(t), rf64ThresholdBytes);
            }
            // The new names must survive a power cut too: sync the take's folder and its day folder.
            syncFolder(ref.folder());
            syncFolder(ref.folder().getParent());
        } catch (IOException | RuntimeException e) {
            for (BwfTrackFile f : files) {
                if (f == null) continue;
                try {
                    f.close();
                    Files.deleteIfExists(f.path());
                } catch (IOException ignored) {
                    // the first error is the one to report
                }
            }
            // Leave nothing of a take that never started: no track file, no take.json, no empty folder.
            Files.deleteIfExists(ref.folder().resolve(TakeJson.FILE_NAME));
            Files.deleteIfExists(ref.folder().resolve(TakeJson.FILE_NAME + ".tmp"));
            deleteIfEmpty(ref.folder());
            deleteIfEmpty(ref.folder().getParent());
            throw e;
        }
        return new TakeWriter(ref, info, ops, fillGaps, files, lanes, startFrame, maxFrames);
    }

    private static void deleteIfEmpty(Path folder) {
        try (var entries = Files.list(folder)) {
            if (entries.findAny().isEmpty()) Files.deleteIfExists(folder);
        } catch (IOException ignored) {
            // the first error is the one to report
        }
    }

    private static void syncFolder(Path folder) throws IOException {
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(folder, java.nio.file.StandardOpenOption.READ)) {
            ch.force(true);
        }
    }

    public TakeRef ref() {
        return ref;
    }

    public TakeInfo info() {
        return info;
    }

    public long startFrame() {
        return startFrame;
    }

    public long nextFrame() {
        return nextFrame;
    }

    /** Ring position after the last frame of the take: the stop, or where the duration limit falls. */
    public long endFrame() {
        long limit = maxFrames == Long.MAX_VALUE ? Long.MAX_VALUE : startFrame + maxFrames - filledFrames;
        return Math.min(stopFrame, limit);
    }

    /** Writer thread: ends the take at ring position {@code frame} (or earlier, if its limit comes first). */
    public void stopAt(long frame) {
        stopFrame = Math.min(stopFrame, Math.max(frame, startFrame));
    }

    public boolean complete() {
        return nextFrame >= endFrame();
    }

    /** The file frame of ring position {@code ringFrame}, counting the silence filled before it. */
    private long fileFrameOf(long ringFrame) {
        long frame = ringFrame - startFrame;
        for (long[] g : filled) if (g[0] <= ringFrame) frame += g[1];
        for (long[] g : gaps) if (g[0] <= ringFrame) frame += g[1];
        return frame;
    }

    /**
     * Writes what the ring holds up to {@code available} (and up to the end of the take), in
     * chunks of at most {@code chunkFrames}, with the silence of the gaps at their positions;
     * returns the frames written. take.json follows when markers or overruns came since the last.
     */
    public long writeFrom(FrameRing ring, long available, int chunkFrames, java.nio.ByteBuffer scratch) throws IOException {
        long written = 0;
        while (true) {
            long target = Math.min(available, endFrame());
            long[] gap = gaps.peekFirst();
            if (gap != null && gap[0] <= nextFrame) {
                gaps.removeFirst();
                if (nextFrame < target) {
                    long n = fill(gap[1], chunkFrames, scratch);
                    filled.add(new long[] {gap[0], n});
                    written += n;
                }
                continue;
            }
            if (gap != null) target = Math.min(target, gap[0]);
            if (nextFrame >= target) break;
            int n = (int) Math.min(chunkFrames, target - nextFrame);
            for (int t = 0; t < files.length; t++) files[t].append(ring.lane(lanes[t]), ring.mask(), nextFrame, n, scratch);
            nextFrame += n;
            written += n;
        }
        if (metadataDirty && written > 0) writeMetadata();
        return written;
    }

    /** Appends {@code frames} of silence to every file (no more than the duration limit leaves). */
    private long fill(long frames, int chunkFrames, java.nio.ByteBuffer scratch) throws IOException {
        long room = maxFrames == Long.MAX_VALUE ? Long.MAX_VALUE : maxFrames - (nextFrame - startFrame) - filledFrames;
        long todo = Math.min(frames, room);
        long done = 0;
        while (done < todo) {
            int n = (int) Math.min(chunkFrames, todo - done);
            for (BwfTrackFile f : files) f.appendSilence(n, scratch);
            done += n;
        }
        filledFrames += done;
        return done;
    }

    /** Frames every track file holds. */
    public long framesOnDisk() {
        long min = Long.MAX_VALUE;
        for (BwfTrackFile f : files) min = Math.min(min, f.frames());
        return files.length == 0 ? 0 : min;
    }

    /** Rewrites the files' sizes, fdatasyncs them, and rewrites take.json when markers or overruns changed. */
    public void sync() throws IOException {
        for (BwfTrackFile f : files) f.sync();
        if (metadataDirty) writeMetadata();
    }

    private void writeMetadata() throws IOException {
        info.frames = framesOnDisk();
        TakeJson.write(ref.folder(), info, ops);
        metadataDirty = false;
    }

    /** Records a marker at ring position {@code ringFrame}; ignored outside the take. */
    public void addMarker(long ringFrame, String label, String source) {
        if (ringFrame < startFrame || ringFrame > endFrame()) return;
        info.markers.add(new TakeInfo.Marker(fileFrameOf(ringFrame), label, source));
        metadataDirty = true;
    }

    /**
     * Records a gap of {@code droppedFrames} (-1: unknown) just before ring position
     * {@code ringFrame}, and fills it with silence when the take does; ignored outside the take.
     * Gaps arrive in ring order (the capture thread publishes them so).
     */
    public void addOverrun(long ringFrame, long droppedFrames, String kind) {
        if (ringFrame < startFrame || ringFrame > endFrame()) return;
        boolean fill = fillGaps && droppedFrames > 0;
        info.overruns.add(new TakeInfo.Overrun(fileFrameOf(ringFrame), droppedFrames, kind, fill));
        if (fill) gaps.addLast(new long[] {ringFrame, droppedFrames});
        metadataDirty = true;
    }

    /** Counts capture events (overruns, clips) that were lost while this take was written. */
    public void addLostCaptureEvents(long events) {
        info.lostCaptureEvents = (info.lostCaptureEvents == null ? 0 : info.lostCaptureEvents) + events;
        metadataDirty = true;
    }

    /**
     * Finishes every file at the same length (the shortest track's), with the markers in each,
     * and writes take.json as complete with {@code endReason} and {@code error} (null for none).
     * Tries every file even when one fails; throws the first failure after writing take.json.
     */
    public void finish(EndReason endReason, String error) throws IOException {
        long frames = framesOnDisk();
        List<WaveHeader.Marker> markers = new ArrayList<>();
        for (TakeInfo.Marker m : info.markers) if (m.frame() <= frames) markers.add(new WaveHeader.Marker(m.frame(), m.label()));
        IOException first = null;
        boolean markersLost = false;
        for (BwfTrackFile f : files) {
            try {
                if (!f.finish(frames, markers)) markersLost = true;
            } catch (IOException e) {
                if (first == null) first = e;
            }
        }
        info.frames = frames;
        info.state = TakeInfo.COMPLETE;
        info.ended = OffsetDateTime.now().toString();
        info.endReason = endReason;
        if (error != null) info.error = error;
        if (markersLost) info.error = (info.error == null ? "" : info.error + "; ") + "no room for the markers in the files";
        if (first != null && info.error == null) info.error = "finishing the files failed: " + first.getMessage();
        TakeJson.write(ref.folder(), info, ops);
        if (first != null) throw first;
    }
}
