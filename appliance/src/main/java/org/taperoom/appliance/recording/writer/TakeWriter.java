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

/**
 * A take being written: its track files, its take.json, and where it stands in the ring. Created
 * (files and all) on the thread that asks for the take, then owned by the writer thread until it
 * is finished.
 */
public final class TakeWriter {
    private final TakeRef ref;
    private final TakeInfo info;
    private final BwfTrackFile[] files;
    /** Ring lane (0-based input) of each track file. */
    private final int[] lanes;
    private final long startFrame;
    /** Ring position after the last frame of the take: the stop position or start + the duration limit. */
    private long endFrame;
    private long nextFrame;
    private boolean metadataDirty;

    private TakeWriter(TakeRef ref, TakeInfo info, BwfTrackFile[] files, int[] lanes, long startFrame, long endFrame) {
        this.ref = ref;
        this.info = info;
        this.files = files;
        this.lanes = lanes;
        this.startFrame = startFrame;
        this.nextFrame = startFrame;
        this.endFrame = endFrame;
    }

    /**
     * Creates the track files and take.json (state "recording") in {@code folder}.
     *
     * @param lanes      0-based input of each track, in track order
     * @param trackNames a name per track
     * @param infos      bext/iXML content per track
     * @param maxFrames  the take's length limit in frames, or Long.MAX_VALUE
     */
    public static TakeWriter create(TakeRef ref, TakeInfo info, int[] lanes, List<BextInfo> infos, WordFormat format,
                                    long startFrame, long maxFrames, long rf64ThresholdBytes) throws IOException {
        BwfTrackFile[] files = new BwfTrackFile[lanes.length];
        try {
            // take.json first: whatever happens next, recovery finds the take and its track list.
            TakeJson.write(ref.folder(), info);
            for (int t = 0; t < lanes.length; t++) {
                Path p = ref.folder().resolve(info.tracks.get(t).file());
                files[t] = BwfTrackFile.create(p, format, info.rateHz, infos.get(t), rf64ThresholdBytes);
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
            Files.deleteIfExists(ref.folder().resolve(TakeJson.FILE_NAME));
            throw e;
        }
        long end = maxFrames == Long.MAX_VALUE ? Long.MAX_VALUE : startFrame + maxFrames;
        return new TakeWriter(ref, info, files, lanes, startFrame, end);
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

    public long endFrame() {
        return endFrame;
    }

    /** Writer thread: ends the take at ring position {@code frame} (or earlier, if its limit comes first). */
    public void stopAt(long frame) {
        endFrame = Math.min(endFrame, Math.max(frame, startFrame));
    }

    public boolean complete() {
        return nextFrame >= endFrame;
    }

    /**
     * Writes what the ring holds up to {@code available} (and up to the end of the take), in
     * chunks of at most {@code chunkFrames}; returns the frames written.
     */
    public long writeFrom(FrameRing ring, long available, int chunkFrames, java.nio.ByteBuffer scratch) throws IOException {
        long target = Math.min(available, endFrame);
        long written = 0;
        while (nextFrame < target) {
            int n = (int) Math.min(chunkFrames, target - nextFrame);
            for (int t = 0; t < files.length; t++) files[t].append(ring.lane(lanes[t]), ring.mask(), nextFrame, n, scratch);
            nextFrame += n;
            written += n;
        }
        return written;
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
        if (metadataDirty) {
            info.frames = framesOnDisk();
            TakeJson.write(ref.folder(), info);
            metadataDirty = false;
        }
    }

    /** Records a marker at ring position {@code ringFrame}; ignored outside the take. */
    public void addMarker(long ringFrame, String label, String source) {
        if (ringFrame < startFrame || ringFrame > endFrame) return;
        info.markers.add(new TakeInfo.Marker(ringFrame - startFrame, label, source));
        metadataDirty = true;
    }

    /** Records a gap at ring position {@code ringFrame}; ignored outside the take. */
    public void addOverrun(long ringFrame, long droppedFrames, String kind) {
        if (ringFrame < startFrame || ringFrame > endFrame) return;
        info.overruns.add(new TakeInfo.Overrun(ringFrame - startFrame, droppedFrames, kind));
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
        TakeJson.write(ref.folder(), info);
        if (first != null) throw first;
    }
}
