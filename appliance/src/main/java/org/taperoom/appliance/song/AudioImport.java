package org.taperoom.appliance.song;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.taperoom.appliance.dsp.audiofile.Sndfile;
import org.taperoom.appliance.dsp.audiofile.SoundFileException;
import org.taperoom.appliance.dsp.audiofile.SoundFileReader;
import org.taperoom.appliance.dsp.audiofile.SoundFileWriter;
import org.taperoom.appliance.dsp.render.TakeSettings;
import org.taperoom.appliance.dsp.settings.MixSettings;
import org.taperoom.appliance.dsp.settings.RenderSettings;
import org.taperoom.appliance.dsp.settings.SettingsException;
import org.taperoom.appliance.dsp.settings.TrackSettings;
import org.taperoom.appliance.dsp.resample.Resampler;
import org.taperoom.appliance.recording.take.TakeFolders;
import org.taperoom.appliance.recording.take.TakeInfo;
import org.taperoom.appliance.recording.take.TakeJson;

/**
 * A sound file brought into the library as a take, so that songs and the playback engine use it
 * as they use any recording: a backing track or a reference recording a teacher uploads. Decoded
 * by libsndfile (WAV, RF64, FLAC, MP3; the file's contents decide, not its name), resampled by
 * libsoxr to the interface's rate when it differs (a pass can only be recorded over a song at the
 * rate the interface records), and written as one mono 32-bit float track per channel (a stereo
 * file's two tracks panned hard left and right in the take's mix, so the take plays as the file
 * did). The take is assembled in {@code <library>/.import/} and renamed into place, so a failed
 * import leaves nothing in the listing.
 */
public final class AudioImport {
    /** What came in: the take's id, its channels, rate and length, and the file's own rate. */
    public record Imported(String takeId, Path folder, int channels, int rateHz, long frames, int fileRateHz, String format) {
        public double seconds() {
            return frames / (double) rateHz;
        }
    }

    /** Where an import is assembled: hidden (no listing or recovery looks in a dot folder), on the library's file system. */
    static final String IMPORTS = ".import";
    private static final int BLOCK_FRAMES = 4096;
    private static final Map<Integer, String> ACCEPTED = Map.of(
            Sndfile.SF_FORMAT_WAV, "WAV", 0x130000, "WAV", Sndfile.SF_FORMAT_RF64, "WAV",
            Sndfile.SF_FORMAT_FLAC, "FLAC", Sndfile.SF_FORMAT_MPEG, "MP3");

    private AudioImport() {}

    /**
     * Decodes {@code file} into a new take of {@code library} named {@code name}, whose take.json
     * names {@code source} (whose take it is).
     *
     * @throws SongException the file is not WAV, FLAC or MP3 audio libsndfile reads, or has more than two channels
     */
    public static Imported take(Path library, Path file, String name, String source, int rateHz) throws IOException, SongException {
        try (SoundFileReader in = open(file)) {
            int major = in.format() & Sndfile.SF_FORMAT_TYPEMASK;
            String format = ACCEPTED.get(major);
            if (format == null) throw new SongException("the file is audio, but not WAV, FLAC or MP3; convert it to one of those");
            int channels = in.channels();
            if (channels < 1 || channels > 2) throw new SongException("the file has " + channels + " channels; give a mono or stereo file");
            if (in.frames() <= 0) throw new SongException("the file holds no audio");
            LocalDateTime now = LocalDateTime.now();
            Path folder = freeFolder(library, now, name);
            Path part = library.resolve(IMPORTS).resolve(folder.getParent().getFileName() + "_" + folder.getFileName());
            Files.createDirectories(part);
            Files.createDirectories(folder.getParent());
            try {
                List<String> names = channels == 1 ? List.of("mono") : List.of("left", "right");
                long frames = decode(in, part, names, rateHz);
                TakeInfo info = new TakeInfo();
                info.name = name;
                info.state = TakeInfo.COMPLETE;
                info.started = ZonedDateTime.of(now, ZoneId.systemDefault()).toOffsetDateTime().toString();
                info.ended = info.started;
                info.device = "upload (" + format + ")";
                info.rateHz = rateHz;
                info.bits = "32f";
                info.deviceChannels = channels;
                info.frames = frames;
                info.source = source;
                for (int c = 0; c < channels; c++) info.tracks.add(new TakeInfo.Track(TakeFolders.trackFile(c + 1, names.get(c)), c + 1, names.get(c)));
                TakeJson.write(part, info);
                if (channels == 2) panHard(part, names);
                Files.move(part, folder, StandardCopyOption.ATOMIC_MOVE);
                return new Imported(TakeFolders.idOf(library, folder), folder, channels, rateHz, frames, in.rateHz(), format);
            } catch (IOException | SongException | RuntimeException e) {
                deleteTree(part);
                throw e;
            }
        }
    }

    private static SoundFileReader open(Path file) throws SongException {
        try {
            return SoundFileReader.open(file);
        } catch (SoundFileException e) {
            throw new SongException("not audio that can be read: give a WAV, FLAC or MP3 file");
        }
    }

    /** Reads every frame of {@code in}, at {@code rateHz}, into one mono float file per channel; returns the frames written. */
    private static long decode(SoundFileReader in, Path dir, List<String> names, int rateHz) throws IOException, SongException {
        int channels = names.size();
        List<SoundFileWriter> out = new ArrayList<>();
        Resampler resampler = in.rateHz() == rateHz ? null : new Resampler(in.rateHz(), rateHz, channels, Resampler.Quality.VERY_HIGH, BLOCK_FRAMES);
        try {
            for (int c = 0; c < channels; c++) {
                out.add(SoundFileWriter.create(dir.resolve(TakeFolders.trackFile(c + 1, names.get(c))),
                        Sndfile.SF_FORMAT_WAV | Sndfile.SF_FORMAT_FLOAT, rateHz, 1));
            }
            float[] block = new float[BLOCK_FRAMES * channels];
            float[] resampled = new float[(resampler == null ? BLOCK_FRAMES : resampler.maxOutputFrames()) * channels];
            float[] mono = new float[resampled.length / channels + BLOCK_FRAMES];
            long written = 0;
            int n;
            while ((n = in.read(block, BLOCK_FRAMES)) > 0) {
                if (resampler == null) written += split(block, n, channels, mono, out);
                else written += split(resampled, resampler.process(block, n, resampled), channels, mono, out);
            }
            if (resampler != null) {
                int tail;
                while ((tail = resampler.flush(resampled)) > 0) written += split(resampled, tail, channels, mono, out);
            }
            return written;
        } catch (SoundFileException e) {
            throw new SongException("the audio could not be decoded to the end (" + e.getMessage() + "); give a whole WAV, FLAC or MP3 file");
        } finally {
            if (resampler != null) resampler.close();
            for (SoundFileWriter w : out) {
                try {
                    w.close();
                } catch (SoundFileException e) {
                    // the failure that matters is the one already thrown, or the rename's
                }
            }
        }
    }

    private static int split(float[] interleaved, int frames, int channels, float[] mono, List<SoundFileWriter> out) throws SoundFileException {
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < frames; i++) mono[i] = interleaved[i * channels + c];
            out.get(c).writeFloat(mono, frames);
        }
        return frames;
    }

    private static void panHard(Path take, List<String> names) throws IOException, SongException {
        Map<String, TrackSettings> strips = new LinkedHashMap<>();
        strips.put(names.get(0), TrackSettings.DEFAULT.withPan(-1));
        strips.put(names.get(1), TrackSettings.DEFAULT.withPan(1));
        try {
            TakeSettings.putMix(take, RenderSettings.mixJson(MixSettings.DEFAULT.withTracks(strips)));
        } catch (SettingsException e) {
            throw new SongException("the stereo take's mix: " + e.getMessage());
        }
    }

    private static Path freeFolder(Path library, LocalDateTime time, String name) {
        Path folder = library.resolve(TakeFolders.relativeFolder(time, name));
        for (int n = 2; Files.exists(folder) || Files.exists(library.resolve(IMPORTS).resolve(folder.getParent().getFileName() + "_" + folder.getFileName())); n++) {
            folder = library.resolve(TakeFolders.relativeFolder(time, name + "-" + n));
        }
        return folder;
    }

    private static void deleteTree(Path dir) {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            // a hidden leftover; the next import picks another name
        }
    }
}
