package org.taperoom.appliance.dsp.release;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.taperoom.appliance.dsp.export.OutputFormat;

/**
 * The files a release is delivered as, named for what they are for. Each renders from the same
 * float master: converted to its rate by libsoxr (very high quality), TPDF-dithered to its word
 * length, its true peak measured again against the ceiling.
 */
public enum OutputPreset {
    /** What every distributor accepts: CD format, WAV 16-bit 44.1 kHz; with the CUE sheet (ISRC, UPC). */
    DISTRIBUTOR_WAV("distributor-wav", OutputFormat.WAV, 44100, 16, "wav-16bit-44k1"),
    /** Hi-res masters for stores that take them (Apple Digital Masters, Qobuz): WAV 24-bit 48 kHz. */
    HIRES_WAV("hires-wav", OutputFormat.WAV, 48000, 24, "wav-24bit-48k"),
    /** Lossless for the band and for fans: FLAC 24-bit 48 kHz, Vorbis comments, cover in a picture block. */
    FLAC("flac", OutputFormat.FLAC, 48000, 24, "flac-24bit-48k"),
    /** For players and sites that want MP3: 320 kbit/s constant bitrate, 44.1 kHz, ID3v2.4 with APIC cover. */
    MP3("mp3", OutputFormat.MP3, 44100, 0, "mp3-320k"),
    /** Small files for sharing: Ogg Opus at 48 kHz (Opus' only full-band rate), title/artist/album/date comments. */
    OPUS("opus", OutputFormat.OPUS, 48000, 0, "opus");

    public final String jsonName;
    public final OutputFormat format;
    public final int rateHz;
    /** Word length of integer PCM (16/24), 0 for lossy formats (fed floats, no dither). */
    public final int bits;
    /** The release folder's sub-folder for this preset. */
    public final String folder;

    OutputPreset(String jsonName, OutputFormat format, int rateHz, int bits, String folder) {
        this.jsonName = jsonName;
        this.format = format;
        this.rateHz = rateHz;
        this.bits = bits;
        this.folder = folder;
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(p -> p.jsonName).toList();
    }

    public static OutputPreset of(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (OutputPreset p : values()) if (p.jsonName.equals(n)) return p;
        throw new IllegalArgumentException("\"" + name + "\" is not an output preset; use one of " + String.join(", ", names()));
    }

    /** File name of track {@code number} with {@code title}: "01 - Blue Room.flac". */
    public String fileName(int number, String title) {
        return String.format("%02d - %s.%s", number, Release.safeFileName(title), format.extension());
    }
}
