package org.taperoom.appliance.recording.rolling;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.taperoom.appliance.recording.take.TakeInfo;
import org.taperoom.appliance.recording.take.TakeJson;
import org.taperoom.appliance.wav.RiffChunks;
import org.taperoom.appliance.wav.WaveHeader;
import org.taperoom.appliance.wav.WaveLayout;
import org.taperoom.appliance.wav.WordFormat;

/**
 * Puts the rolling buffer's history in front of a finished take: each track file is rewritten as
 * its header, the history's samples of that input, then the take's own samples, with the markers
 * moved by the history's length and the bext time reference moved back; then take.json follows.
 * The new files are written beside the old ones and renamed over them only when all are
 * complete, so a failure leaves the take as the engine wrote it.
 */
final class TakeHistory {
    private static final int CHUNK_FRAMES = 1 << 14;
    private static final int BEXT_TIME_REFERENCE = 338;
    private static final int BEXT_DATE = 320;

    private TakeHistory() {}

    /**
     * Puts {@code history} in front of the take in {@code folder}, which was recorded in the engine
     * session {@code sessionMillis}; a restart between parts becomes a marker. Returns the frames added.
     */
    static long prepend(Path folder, List<RollingBuffer.Slice> history, long sessionMillis, long rf64ThresholdBytes) throws IOException {
        long h = history.stream().mapToLong(RollingBuffer.Slice::frames).sum();
        if (h == 0) return 0;
        TakeInfo info = TakeJson.read(folder);
        WordFormat format = WordFormat.ofBits(info.bits);
        List<TakeInfo.Marker> markers = new ArrayList<>();
        long gapAt = 0;
        for (int i = 0; i < history.size(); i++) {
            gapAt += history.get(i).frames();
            long next = i + 1 < history.size() ? history.get(i + 1).segment().sessionMillis() : sessionMillis;
            if (next != history.get(i).segment().sessionMillis()) {
                markers.add(new TakeInfo.Marker(gapAt, "restart (always-on buffer)", "always-on"));
            }
        }
        for (TakeInfo.Marker m : info.markers) markers.add(new TakeInfo.Marker(m.frame() + h, m.label(), m.source()));
        List<WaveHeader.Marker> fileMarkers = markers.stream().map(m -> new WaveHeader.Marker(m.frame(), m.label())).toList();

        List<Path[]> renames = new ArrayList<>();
        try {
            for (TakeInfo.Track t : info.tracks) {
                Path file = folder.resolve(t.file());
                Path tmp = folder.resolve(t.file() + ".always-on.tmp");
                rewrite(file, tmp, t.input() - 1, info.frames, h, history, format, fileMarkers, info.rateHz, rf64ThresholdBytes);
                renames.add(new Path[] {tmp, file});
            }
        } catch (IOException | RuntimeException e) {
            for (Path[] r : renames) Files.deleteIfExists(r[0]);
            for (TakeInfo.Track t : info.tracks) Files.deleteIfExists(folder.resolve(t.file() + ".always-on.tmp"));
            throw e;
        }
        for (Path[] r : renames) Files.move(r[0], r[1], StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

        info.markers = markers;
        List<TakeInfo.Overrun> overruns = new ArrayList<>();
        for (TakeInfo.Overrun o : info.overruns) overruns.add(new TakeInfo.Overrun(o.frame() + h, o.droppedFrames(), o.kind(), o.filled()));
        info.overruns = overruns;
        info.startFrame -= h;
        info.preRollFrames += h;
        info.frames += h;
        if (info.started != null) {
            info.started = OffsetDateTime.parse(info.started).minusNanos(h * 1_000_000_000L / info.rateHz).toString();
        }
        info.setExtra("alwaysOnFrames", h);
        TakeJson.write(folder, info);
        return h;
    }

    private static void rewrite(Path file, Path tmp, int channel, long takeFrames, long h, List<RollingBuffer.Slice> history,
                                WordFormat format, List<WaveHeader.Marker> markers, int rateHz, long rf64ThresholdBytes) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ);
             FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                     StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            WaveLayout layout = WaveLayout.read(in);
            long takeBytes = takeFrames * layout.blockAlign();
            copy(in, 0, layout.dataOffset(), out, 0);
            long pos = layout.dataOffset();
            int[] lane = new int[CHUNK_FRAMES];
            ByteBuffer bytes = ByteBuffer.allocate(CHUNK_FRAMES * format.bytesPerSample + WordFormat.ENCODE_SLACK_BYTES)
                    .order(ByteOrder.LITTLE_ENDIAN);
            for (RollingBuffer.Slice s : history) {
                for (long f = s.fromFrame(); f < s.toFrame(); f += CHUNK_FRAMES) {
                    int n = (int) Math.min(CHUNK_FRAMES, s.toFrame() - f);
                    RollingBuffer.read(s.segment(), channel, f, n, lane);
                    format.encode(lane, CHUNK_FRAMES - 1, 0, n, bytes);
                    pos += writeFully(out, bytes, pos);
                }
            }
            pos += copy(in, layout.dataOffset(), takeBytes, out, pos);
            long dataBytes = pos - layout.dataOffset();
            byte[] trailing = WaveHeader.markerChunks(markers, dataBytes);
            writeFully(out, ByteBuffer.wrap(trailing), pos);
            layout.writeSizes(out, dataBytes, trailing.length, rf64ThresholdBytes);
            moveTimeReference(out, h, rateHz);
            out.force(false);
        }
    }

    /** Moves the bext chunk's time reference (samples since midnight) and origination date/time back by {@code h} frames. */
    private static void moveTimeReference(FileChannel ch, long h, int rateHz) throws IOException {
        RiffChunks.Chunk bext = RiffChunks.read(ch).chunk("bext");
        if (bext == null || bext.size() < BEXT_TIME_REFERENCE + 8) return;
        ByteBuffer head = ByteBuffer.allocate((int) bext.size()).order(ByteOrder.LITTLE_ENDIAN);
        RiffChunks.readFully(ch, head, bext.payloadOffset());
        long at = bext.payloadOffset();
        long dayFrames = 86_400L * rateHz;
        long ref = head.getLong(BEXT_TIME_REFERENCE);
        ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(Math.floorMod(ref - h, dayFrames)).flip();
        writeFully(ch, b, at + BEXT_TIME_REFERENCE);
        String date = new String(head.array(), BEXT_DATE, 18, StandardCharsets.US_ASCII);
        try {
            LocalDateTime t = LocalDateTime.parse(date.substring(0, 10) + "T" + date.substring(10, 18))
                    .minusNanos(h * 1_000_000_000L / rateHz);
            String moved = t.format(DateTimeFormatter.ofPattern("yyyy-MM-ddHH:mm:ss"));
            writeFully(ch, ByteBuffer.wrap(moved.getBytes(StandardCharsets.US_ASCII)), at + BEXT_DATE);
        } catch (RuntimeException notADate) {
            // an empty or foreign date stays as it was
        }
    }

    private static long copy(FileChannel in, long from, long bytes, FileChannel out, long to) throws IOException {
        long done = 0;
        while (done < bytes) {
            long n = in.transferTo(from + done, bytes - done, out.position(to + done));
            if (n <= 0) throw new IOException("the take's file ended " + (bytes - done) + " bytes early");
            done += n;
        }
        return done;
    }

    private static long writeFully(FileChannel ch, ByteBuffer b, long pos) throws IOException {
        long n = 0;
        while (b.hasRemaining()) n += ch.write(b, pos + n);
        return n;
    }
}
