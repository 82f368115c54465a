package org.taperoom.appliance.dsp.release;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.taperoom.appliance.dsp.loudness.LoudnessFigures;

/**
 * What a release build made and measured.
 *
 * @param folder         the release folder
 * @param zip            the ZIP of it, inside it
 * @param albumGainDb    album mode: the one gain every track got; null in track mode
 * @param albumLufs      album mode: the whole release's integrated loudness before that gain
 * @param tracks         per track, in order
 */
public record ReleaseResult(Path folder, Path zip, Double albumGainDb, Double albumLufs, List<TrackResult> tracks) {
    /**
     * @param masterGainDb the normalisation gain the master got before its limiter
     * @param files        per preset: the file and its figures as libebur128 reads it
     */
    public record TrackResult(Release.Track track, double masterGainDb, LoudnessFigures master, Map<OutputPreset, File> files) {}

    /**
     * @param correctionDb gain taken off after conversion to hold the ceiling (0 when it held at once)
     */
    public record File(Path path, LoudnessFigures figures, double correctionDb) {}
}
