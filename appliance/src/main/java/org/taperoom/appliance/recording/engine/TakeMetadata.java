package org.taperoom.appliance.recording.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.taperoom.appliance.recording.take.TakeFolders;
import org.taperoom.appliance.recording.take.TakeInfo;
import org.taperoom.appliance.recording.take.TakeRef;
import org.taperoom.appliance.wav.BextInfo;

/** What a new take's take.json and its track files' bext/iXML chunks say, from the request and where it starts. */
final class TakeMetadata {
    private TakeMetadata() {}

    /**
     * take.json of a take about to be written ("recording").
     *
     * @param lanes 0-based input of each track, in track order
     */
    static TakeInfo info(TakeRef ref, TakeRequest request, int[] lanes, TakeStart start, EngineSettings settings) {
        Path folder = ref.folder();
        TakeInfo info = new TakeInfo();
        info.name = request.name().isEmpty() ? folder.getFileName().toString() : request.name();
        info.started = OffsetDateTime.ofInstant(start.firstSample(), ZoneId.systemDefault()).toString();
        info.pressed = OffsetDateTime.ofInstant(start.pressed(), ZoneId.systemDefault()).toString();
        info.device = settings.device();
        info.rateHz = settings.rateHz();
        info.bits = settings.format().bits;
        info.deviceChannels = settings.channels();
        info.startFrame = start.startFrame();
        info.preRollFrames = start.preRollFrames();
        info.source = request.source();
        for (int t = 0; t < lanes.length; t++) {
            String trackName = trackName(request, t, lanes[t]);
            info.tracks.add(new TakeInfo.Track(TakeFolders.trackFile(t + 1, trackName), lanes[t] + 1, trackName));
        }
        return info;
    }

    /**
     * The bext/iXML content of each track of {@code info}, in track order: one slate for the take
     * (its number is its place among the day's takes; the day's folder is its tape), and per file
     * its input, its place in the take and its own id.
     */
    static List<BextInfo> bext(TakeRef ref, TakeInfo info, TakeStart start, EngineSettings settings) {
        int rateHz = settings.rateHz();
        LocalDateTime firstLocal = LocalDateTime.ofInstant(start.firstSample(), ZoneId.systemDefault());
        long midnightFrames = Duration.between(firstLocal.toLocalDate().atStartOfDay(), firstLocal).toNanos() * rateHz / 1_000_000_000L;
        String reference = ref.id().length() > 32 ? ref.id().substring(0, 32) : ref.id();
        String day = ref.folder().getParent().getFileName().toString();
        String project = settings.project().isBlank() ? day : settings.project();
        String userBits = firstLocal.format(java.time.format.DateTimeFormatter.ofPattern("yyMMdd")) + "00";
        BextInfo.Slate slate = new BextInfo.Slate(project, info.name, takeNumber(ref.folder()), day, userBits, info.notes,
                info.tracks.size(), uid(), settings.timecode());
        List<BextInfo> out = new ArrayList<>();
        for (int t = 0; t < info.tracks.size(); t++) {
            TakeInfo.Track track = info.tracks.get(t);
            out.add(new BextInfo("", "Taperoom", reference, firstLocal, midnightFrames, track.name(), info.name, rateHz, slate,
                    track.input(), t + 1, track.file(), uid()));
        }
        return out;
    }

    /** The take's place among the takes of its day, counting from 1 (its folder is there already). */
    private static int takeNumber(Path folder) {
        try (java.util.stream.Stream<Path> days = java.nio.file.Files.list(folder.getParent())) {
            String self = folder.getFileName().toString();
            return (int) days.filter(java.nio.file.Files::isDirectory).filter(p -> p.getFileName().toString().compareTo(self) <= 0)
                    .count();
        } catch (java.io.IOException e) {
            return 1;
        }
    }

    /** A unique id as iXML recorders write them: 32 upper-case hex digits. */
    private static String uid() {
        return java.util.UUID.randomUUID().toString().replace("-", "").toUpperCase(java.util.Locale.ROOT);
    }

    private static String trackName(TakeRequest request, int track, int lane) {
        List<String> names = request.trackNames();
        return track < names.size() && !names.get(track).isBlank() ? names.get(track) : "In " + (lane + 1);
    }
}
