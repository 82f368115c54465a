package org.taperoom.appliance.recording.recover;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.taperoom.appliance.recording.take.EndReason;
import org.taperoom.appliance.recording.take.TakeFolders;
import org.taperoom.appliance.recording.take.TakeInfo;
import org.taperoom.appliance.recording.take.TakeJson;
import org.taperoom.appliance.recording.take.TakeLibrary;
import org.taperoom.appliance.wav.RiffChunks;
import org.taperoom.appliance.wav.WaveHeader;
import org.taperoom.appliance.wav.WaveLayout;

/**
 * Repairs takes whose recorder died (killed, power cut, crash) from the data on disk: a take whose
 * take.json still says "recording" gets every track file cut to the whole frames all tracks hold,
 * its size fields rewritten (RF64 when beyond 4 GiB), its markers appended, and take.json marked
 * "recovered" with what was done. Runs from {@code taperoom recover} and before the engine starts;
 * never while a recorder writes to the same library.
 */
public final class TakeRecovery {
    private TakeRecovery() {}

    /** One repaired take: its folder and one sentence about what was done. */
    public record Repair(Path folder, String summary) {}

    /** Repairs every unfinished take under {@code library}; returns what was repaired (empty when nothing). */
    public static List<Repair> recoverLibrary(Path library) throws IOException {
        List<Repair> out = new ArrayList<>();
        if (!Files.isDirectory(library)) return out;
        for (Path folder : TakeLibrary.takeFolders(library)) {
            TakeInfo info;
            try {
                info = TakeJson.read(folder);
            } catch (IOException e) {
                continue;
            }
            if (!TakeInfo.RECORDING.equals(info.state)) continue;
            out.add(recoverTake(folder, info));
        }
        return out;
    }

    /**
     * Bytes of samples a track file holds: what its header declares when that and the marker
     * chunks after it fill the file exactly, the last perhaps cut short (the file was finished or
     * being finished, or its header synced with nothing after it), otherwise every byte after the
     * header (a file cut off while recording: its header lags behind the samples).
     */
    static long dataBytesOf(FileChannel ch) throws IOException {
        WaveLayout layout = WaveLayout.read(ch);
        long onDisk = ch.size() - layout.dataOffset();
        long declared = WaveLayout.declaredDataBytes(ch);
        if (declared >= 0 && declared <= onDisk && RiffChunks.markerChunksToEnd(ch, layout.dataOffset() + declared) != null) {
            return declared;
        }
        return onDisk;
    }

    /** The wall-clock time of the end of the audio: the first sample's time plus its frames at the take's rate. */
    private static String endOfAudio(TakeInfo info, long frames) {
        if (info.started == null || info.rateHz <= 0) return OffsetDateTime.now().toString();
        try {
            return OffsetDateTime.parse(info.started).plusSeconds(frames / info.rateHz)
                    .plusNanos(frames % info.rateHz * 1_000_000_000L / info.rateHz).toString();
        } catch (RuntimeException e) {
            return OffsetDateTime.now().toString();
        }
    }

    /** Repairs one unfinished take. */
    public static Repair recoverTake(Path folder, TakeInfo info) throws IOException {
        List<String> notes = new ArrayList<>();
        long frames = Long.MAX_VALUE;
        List<Path> present = new ArrayList<>();
        for (TakeInfo.Track t : info.tracks) {
            Path p = folder.resolve(t.file());
            if (!Files.isRegularFile(p)) {
                notes.add(t.file() + " is missing");
                continue;
            }
            try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
                frames = Math.min(frames, dataBytesOf(ch) / WaveLayout.read(ch).blockAlign());
                present.add(p);
            } catch (IOException e) {
                notes.add(t.file() + " has no usable header (" + e.getMessage() + ")");
            }
        }
        if (frames == Long.MAX_VALUE) frames = 0;
        List<WaveHeader.Marker> markers = new ArrayList<>();
        for (TakeInfo.Marker m : info.markers) if (m.frame() <= frames) markers.add(new WaveHeader.Marker(m.frame(), m.label()));
        for (Path p : present) {
            try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                WaveLayout layout = WaveLayout.read(ch);
                long dataBytes = frames * layout.blockAlign();
                long end = layout.dataOffset() + dataBytes;
                ch.truncate(end);
                byte[] trailing = WaveHeader.markerChunks(markers, dataBytes);
                ByteBuffer b = ByteBuffer.wrap(trailing);
                long pos = end;
                while (b.hasRemaining()) pos += ch.write(b, pos);
                layout.writeSizes(ch, dataBytes, trailing.length, WaveLayout.RIFF_LIMIT);
                ch.force(false);
            }
        }
        long rateHz = Math.max(1, info.rateHz);
        String summary = String.format("%s: %d track%s closed at %d frames (%.1f s)%s",
                TakeFolders.idOf(folder.getParent().getParent(), folder), present.size(), present.size() == 1 ? "" : "s",
                frames, (double) frames / rateHz, notes.isEmpty() ? "" : "; " + String.join("; ", notes));
        info.frames = frames;
        info.state = TakeInfo.RECOVERED;
        if (info.endReason == null) info.endReason = EndReason.RECOVERED;
        if (info.ended == null) info.ended = endOfAudio(info, frames);
        if (info.repairs == null) info.repairs = new ArrayList<>();
        info.repairs.add(OffsetDateTime.now() + " " + summary);
        TakeJson.write(folder, info);
        return new Repair(folder, summary);
    }
}
