package org.taperoom.appliance.recording.rolling;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One file of the rolling buffer: interleaved little-endian S32 frames (left-justified, as the
 * ring holds them) of {@code channels} channels at {@code rateHz}, starting at ring position
 * {@code firstFrame} of the engine session that began at {@code sessionMillis}. Everything is in
 * the name, so a restart finds the buffer again without an index:
 * {@code <sessionMillis>-<channels>ch-<rateHz>hz-<firstFrame>.s32}. A file cut short by a power
 * failure counts its whole frames only.
 */
public record Segment(Path file, long sessionMillis, int channels, int rateHz, long firstFrame) {
    private static final Pattern NAME = Pattern.compile("(\\d+)-(\\d+)ch-(\\d+)hz-(\\d+)\\.s32");

    static String name(long sessionMillis, int channels, int rateHz, long firstFrame) {
        return String.format("%013d-%dch-%dhz-%015d.s32", sessionMillis, channels, rateHz, firstFrame);
    }

    /** The segment a file name describes, or null when it is not one. */
    static Segment parse(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        if (!m.matches()) return null;
        return new Segment(file, Long.parseLong(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                Long.parseLong(m.group(4)));
    }

    int frameBytes() {
        return 4 * channels;
    }
}
