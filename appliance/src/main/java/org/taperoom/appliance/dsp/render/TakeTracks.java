package org.taperoom.appliance.dsp.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.taperoom.appliance.dsp.audiofile.SoundFileException;
import org.taperoom.appliance.dsp.audiofile.SoundFileReader;
import org.taperoom.appliance.dsp.settings.MixSettings;
import org.taperoom.appliance.dsp.settings.SettingsException;

/**
 * The tracks of a take folder: every {@code NN-<name>.wav} beside take.json, in track-number
 * order. Found by file name alone, so a take whose take.json is damaged still renders.
 */
public final class TakeTracks {
    private static final Pattern TRACK = Pattern.compile("(\\d{2,3})-(.+)\\.wav", Pattern.CASE_INSENSITIVE);

    /**
     * One track file: number NN, name, stem {@code NN-name}; {@code offsetFrames} places the file
     * on the programme's timeline (0 for a take's own tracks; an arrangement's passes sit where
     * they were played, see {@link #arranged}).
     */
    public record Track(int number, String name, String stem, Path file, long offsetFrames) {
        public Track(int number, String name, String stem, Path file) {
            this(number, name, stem, file, 0);
        }

        /** A reader of the file on the programme's timeline. */
        public SoundFileReader open() throws SoundFileException {
            return SoundFileReader.open(file, offsetFrames);
        }
    }

    private final Path dir;
    private final List<Track> tracks;

    private TakeTracks(Path dir, List<Track> tracks) {
        this.dir = dir;
        this.tracks = tracks;
    }

    public static TakeTracks find(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) throw new IOException(dir + ": no such take folder");
        List<Track> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Matcher m = TRACK.matcher(p.getFileName().toString());
                if (m.matches() && Files.isRegularFile(p)) {
                    String stem = p.getFileName().toString();
                    stem = stem.substring(0, stem.length() - 4);
                    found.add(new Track(Integer.parseInt(m.group(1)), m.group(2), stem, p));
                }
            }
        }
        if (found.isEmpty()) throw new IOException(dir + ": no track files (NN-<name>.wav) in this take folder");
        found.sort(Comparator.comparingInt(Track::number).thenComparing(Track::stem));
        return new TakeTracks(dir, List.copyOf(found));
    }

    /**
     * Tracks gathered from several folders and placed at offsets (a song's lanes), rendered and
     * played as a take's are; {@code dir} is the folder that names them (in messages, for jobs).
     */
    public static TakeTracks arranged(Path dir, List<Track> tracks) {
        if (tracks.isEmpty()) throw new IllegalArgumentException("an arrangement needs at least one track");
        return new TakeTracks(dir, List.copyOf(tracks));
    }

    public Path dir() {
        return dir;
    }

    public List<Track> tracks() {
        return tracks;
    }

    /** Rejects mix settings that name a track this take does not have. */
    public void check(MixSettings mix) throws SettingsException {
        for (String key : mix.tracks().keySet()) {
            boolean known = tracks.stream().anyMatch(t -> t.name().equals(key) || t.stem().equals(key));
            if (!known) {
                throw new SettingsException("mix.tracks." + key + ": no such track in " + dir.getFileName() + "; tracks: "
                        + String.join(", ", tracks.stream().map(Track::name).toList()));
            }
        }
    }
}
