package org.taperoom.appliance.recording.engine;

import java.nio.file.Path;
import org.taperoom.appliance.recording.writer.WordFormat;

/**
 * What the engine records and how: the device and its stream, the files, the library and the
 * ring. The shell builds it from the configuration; the engine never reads the configuration.
 *
 * @param device              the capture device's name ({@code sim...} or an ALSA PCM name)
 * @param channels            input channels to capture
 * @param rateHz              sample rate
 * @param format              word format of the track files
 * @param library             the folder that holds the takes
 * @param periodFrames        frames per device read
 * @param bufferPeriods       periods in the device buffer
 * @param ringSeconds         seconds each track's ring holds beyond the pre-roll
 * @param preRollSeconds      seconds before the press every take starts with
 * @param ringMemoryBytes     the most memory the rings may take; the engine refuses to start beyond it
 * @param fsyncIntervalMillis how often the writer syncs a take's files
 * @param minFreeMinutes      a take does not start unless the library's free space holds this many minutes
 * @param rf64ThresholdBytes  RIFF size beyond which a track file switches to RF64
 */
public record EngineSettings(String device, int channels, int rateHz, WordFormat format, Path library, int periodFrames,
                             int bufferPeriods, int ringSeconds, double preRollSeconds, long ringMemoryBytes,
                             int fsyncIntervalMillis, int minFreeMinutes, long rf64ThresholdBytes) {

    /** Bytes of audio one second of recording every input takes on disk. */
    public long bytesPerSecond() {
        return (long) channels * rateHz * format.bytesPerSample;
    }

    public long preRollFrames() {
        return Math.round(preRollSeconds * rateHz);
    }

    /** These settings for a take that starts when asked: no pre-roll (the command line's takes). */
    public EngineSettings withoutPreRoll() {
        return new EngineSettings(device, channels, rateHz, format, library, periodFrames, bufferPeriods, ringSeconds, 0,
                ringMemoryBytes, fsyncIntervalMillis, minFreeMinutes, rf64ThresholdBytes);
    }
}
