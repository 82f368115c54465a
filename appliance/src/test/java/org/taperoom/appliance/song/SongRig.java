package org.taperoom.appliance.song;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.taperoom.appliance.dsp.audiofile.SoundFileReader;
import org.taperoom.appliance.recording.take.TakeFolders;
import org.taperoom.appliance.recording.take.TakeInfo;
import org.taperoom.appliance.recording.take.TakeJson;
import org.taperoom.appliance.testing.TestAudio;

/** Takes in a library and what files hold: the song tests' common ground. */
final class SongRig {
    static final int RATE = 48000;

    private SongRig() {}

    /** Writes a take of 24-bit tracks into {@code library} and returns its id. */
    static String take(Path library, String folder, List<String> names, List<float[]> tracks) throws IOException {
        Path dir = library.resolve("2026-12-07").resolve(folder);
        TestAudio.writeTake(dir, RATE, names, tracks);
        TakeInfo info = new TakeInfo();
        info.name = folder;
        info.state = TakeInfo.COMPLETE;
        info.rateHz = RATE;
        info.bits = "24";
        info.frames = tracks.get(0).length;
        for (int i = 0; i < names.size(); i++) info.tracks.add(new TakeInfo.Track(String.format("%02d-%s.wav", i + 1, names.get(i)), i + 1, names.get(i)));
        TakeJson.write(dir, info);
        return TakeFolders.idOf(library.toAbsolutePath().normalize(), dir.toAbsolutePath().normalize());
    }

    /** The root mean square of {@code s}. */
    static double rms(float[] s) {
        double sum = 0;
        for (float f : s) sum += f * (double) f;
        return Math.sqrt(sum / Math.max(1, s.length));
    }

    /** White noise at {@code amplitude}, seeded: broadband, so one frame of misalignment shows. */
    static float[] noise(int frames, double amplitude, long seed) {
        Random r = new Random(seed);
        float[] s = new float[frames];
        for (int i = 0; i < frames; i++) s[i] = (float) (amplitude * (2 * r.nextDouble() - 1));
        return s;
    }

    /** A mono or stereo file's channel {@code channel}, as floats, whole. */
    static float[] channel(Path file, int channel) throws IOException {
        try (SoundFileReader r = SoundFileReader.open(file)) {
            float[] out = new float[(int) r.frames()];
            float[] chunk = new float[4096 * r.channels()];
            int at = 0;
            int n;
            while ((n = r.read(chunk, 4096)) > 0) {
                for (int i = 0; i < n; i++) out[at + i] = chunk[i * r.channels() + channel];
                at += n;
            }
            return out;
        }
    }

    /** What the 24-bit file holds for {@code samples}: each rounded to 24 bits, as the reader gives it back. */
    static float[] as24Bit(float[] samples) {
        float[] out = new float[samples.length];
        for (int i = 0; i < samples.length; i++) {
            long q = Math.round(Math.max(-1, Math.min(1, samples[i])) * 8388607.0);
            out[i] = (float) (q / 8388608.0);
        }
        return out;
    }

    static Path songFile(Path library, String id) {
        return library.resolve("songs").resolve(id).resolve("song.json");
    }

    static boolean exists(Path p) {
        return Files.exists(p);
    }
}
