package org.taperoom.appliance.config;

import java.nio.file.Path;
import java.util.List;

/** Keys read by the recording engine and the take library. */
public final class RecordingKeys {
    private RecordingKeys() {}

    public static final ConfigKey<String> DEVICE = ConfigKey.text("device", "sim", true,
            "Capture device: 'sim' for the simulated interface, or an ALSA PCM name such as hw:CARD=UMC1820,DEV=0.");
    public static final ConfigKey<Integer> CHANNELS = ConfigKey.integer("channels", 2, 1, 64,
            "Input channels to capture; one track file per channel.");
    public static final ConfigKey<Integer> RATE_HZ = ConfigKey.oneOfIntegers("rate", 48000, List.of(44100, 48000, 88200, 96000, 176400, 192000),
            "Sample rate in Hz.");
    public static final ConfigKey<String> BITS = ConfigKey.oneOf("bits", "24", List.of("16", "24", "32f"),
            "Word length of the track files: 16 or 24-bit integer, or 32f for 32-bit float.");
    public static final ConfigKey<Path> LIBRARY = ConfigKey.path("library", Path.of("/var/lib/taperoom/library"),
            "Folder that holds the takes (one folder per day, one per take).");
    public static final ConfigKey<Integer> PERIOD_FRAMES = ConfigKey.integer("periodFrames", 256, 16, 8192,
            "Frames per capture period: the latency of the capture thread and the size of one device read.");
    public static final ConfigKey<Integer> BUFFER_PERIODS = ConfigKey.integer("bufferPeriods", 4, 2, 64,
            "Periods in the device buffer.");
    public static final ConfigKey<Integer> RING_SECONDS = ConfigKey.integer("ringSeconds", 8, 1, 120,
            "Seconds of audio each track's ring holds between the capture and writer threads (beyond the pre-roll).");
    public static final ConfigKey<Integer> FSYNC_INTERVAL_MILLIS = ConfigKey.integer("fsyncIntervalMillis", 1000, 50, 60000,
            "How often the writer rewrites header sizes and calls fdatasync: the most audio a power cut can lose.");
    public static final ConfigKey<Integer> MIN_FREE_MINUTES = ConfigKey.integer("minFreeMinutes", 5, 0, 100000,
            "A take does not start unless the library's free space holds at least this many minutes at the current track count and rate.");
    public static final ConfigKey<Double> PRE_ROLL_SECONDS = ConfigKey.decimal("preRollSeconds", 10, 0, 60,
            "Seconds of audio before the record press that every take starts with (kept in RAM).");

    public static final ConfigKey<Integer> RING_MEMORY_MEGABYTES = ConfigKey.integer("ringMemoryMegabytes", 512, 16, 65536,
            "Most memory the capture rings (pre-roll plus ringSeconds, every channel, rounded up to a power of two frames) may take; the engine refuses to start beyond it.");
    public static final ConfigKey<Long> RF64_THRESHOLD_BYTES = ConfigKey.longInteger("rf64ThresholdBytes", 0xFFFFFFFFL, 1024, 0xFFFFFFFFL,
            "For tests only: the RIFF size beyond which a track file switches to RF64 in place. Leave at 4294967295 (the 4 GiB RIFF limit).");

    public static final ConfigKey<Boolean> FILL_OVERRUN_GAPS = ConfigKey.bool("fillOverrunGaps", true,
            "Fill the frames an overrun lost with silence at their place, so everything after a gap stays at its true time "
            + "(take.json says which was done); false closes the gap and the take is shorter by it.");

    public static final ConfigKey<String> TIMECODE_RATE = ConfigKey.oneOf("timecodeRate", "25",
            List.of("23.976", "24", "25", "29.97", "29.97DF", "30", "50", "59.94", "60"),
            "Timecode rate the files' iXML and bext state (TIMECODE_RATE/TIMECODE_FLAG, sSPEED): how an editor reads the first sample's "
            + "time as hh:mm:ss:ff. 25 (non-drop) unless the production runs at another rate; 29.97DF is drop-frame.");
    public static final ConfigKey<String> PROJECT = ConfigKey.text("project", "", false,
            "Project name in the files' iXML (PROJECT); empty: the take's day (yyyy-mm-dd).");

    public static final List<ConfigKey<?>> ALL = List.of(DEVICE, CHANNELS, RATE_HZ, BITS, LIBRARY, PERIOD_FRAMES,
            BUFFER_PERIODS, RING_SECONDS, FSYNC_INTERVAL_MILLIS, MIN_FREE_MINUTES, PRE_ROLL_SECONDS, RING_MEMORY_MEGABYTES,
            RF64_THRESHOLD_BYTES, FILL_OVERRUN_GAPS, TIMECODE_RATE, PROJECT);
}
