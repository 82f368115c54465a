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

    /** The bext/iXML content of each track of {@code info}, in track order. */
    static List<BextInfo> bext(TakeRef ref, TakeInfo info, TakeStart start, int rateHz) {
        LocalDateTime firstLocal = LocalDateTime.ofInstant(start.firstSample(), ZoneId.systemDefault());
        long midnightFrames = Duration.between(firstLocal.toLocalDate().atStartOfDay(), firstLocal).toNanos() * rateHz / 1_000_000_000L;
        String reference = ref.id().length() > 32 ? ref.id().substring(0, 32) : ref.id();
        List<BextInfo> out = new ArrayList<>();
        for (TakeInfo.Track track : info.tracks) {
            out.add(new BextInfo(info.name + " / " + track.name(), "Taperoom", reference, firstLocal, midnightFrames, track.name(),
                    info.name, rateHz));
        }
        return out;
    }

    private static String trackName(TakeRequest request, int track, int lane) {
        List<String> names = request.trackNames();
        return track < names.size() && !names.get(track).isBlank() ? names.get(track) : "In " + (lane + 1);
    }
}
