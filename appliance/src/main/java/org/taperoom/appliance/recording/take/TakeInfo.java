package org.taperoom.appliance.recording.take;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The content of a take's {@code take.json}. Frame positions are frames of the take's files
 * (0 = the first sample, pre-roll included). Fields this class does not know (mix and master
 * settings written by other parts) are kept in {@link #extra} and written back unchanged.
 *
 * <p>Not thread-safe: the writer thread owns the instance of a take being recorded; the library
 * reads and writes its own copies.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class TakeInfo {
    public static final String FORMAT = "taperoom-take/1";
    public static final String RECORDING = "recording";
    public static final String COMPLETE = "complete";
    public static final String RECOVERED = "recovered";

    public String format = FORMAT;
    public String name = "";
    /** recording (being written, or the recorder died: recovery repairs it), complete, recovered. */
    public String state = RECORDING;
    /** Local date-time with offset of the first sample (pre-roll included). */
    public String started;
    /** When the take was asked for (the press); the pre-roll lies before it. */
    public String pressed;
    public String ended;
    public String device;
    public int rateHz;
    /** "16", "24" or "32f". */
    public String bits;
    public int deviceChannels;
    /** Engine ring position of the first sample (for lining up takes and debugging). */
    public long startFrame;
    /** Frames of pre-roll at the start of the files. */
    public long preRollFrames;
    /** Frames in every track file (when complete or recovered; while recording, as of the last sync). */
    public long frames;
    public List<Track> tracks = new ArrayList<>();
    public List<Marker> markers = new ArrayList<>();
    public List<Overrun> overruns = new ArrayList<>();
    public String notes = "";
    /** Who started it: button, panel, cli, auto-record, ... */
    public String source = "";
    /** Why it ended; null while recording (and for a reason a later version wrote that this one does not know). */
    public EndReason endReason;
    /** The error sentence when it ended because of one. */
    public String error;
    /** What recovery repaired, one sentence per repair. */
    public List<String> repairs;

    private final Map<String, Object> extra = new LinkedHashMap<>();

    /** One track file. */
    public record Track(String file, int input, String name) {}

    /** A marker: frame of the files, label, who dropped it (button, panel, cli, overrun, clip). */
    public record Marker(long frame, String label, String source) {}

    /**
     * A gap in the recording.
     *
     * @param frame         the first frame after the gap
     * @param droppedFrames frames lost, or -1 when the device does not say
     * @param kind          "device" (the interface overran) or "ring" (the writer fell behind)
     */
    public record Overrun(long frame, long droppedFrames, String kind) {}

    @JsonAnySetter
    public void setExtra(String key, Object value) {
        extra.put(key, value);
    }

    @JsonAnyGetter
    public Map<String, Object> extra() {
        return extra;
    }

    /** Seconds of audio. */
    public double seconds() {
        return rateHz == 0 ? 0 : (double) frames / rateHz;
    }
}
