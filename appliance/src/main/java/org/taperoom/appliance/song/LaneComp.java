package org.taperoom.appliance.song;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;
import org.taperoom.appliance.dsp.audiofile.Sndfile;
import org.taperoom.appliance.dsp.audiofile.SoundFileException;
import org.taperoom.appliance.dsp.audiofile.SoundFileReader;
import org.taperoom.appliance.dsp.audiofile.SoundFileWriter;

/**
 * A lane as it is heard: its passes up to the active one, each later pass over the earlier ones
 * where it has audio (as on tape: a pass replaces what it was recorded over, nothing more). So a
 * punched pass plays between its punch-in and punch-out and the pass it was punched into plays
 * around it; choosing an earlier pass plays that one with what lies beneath it.
 *
 * <p>Where the pass on top changes and the pass below it still has audio, the two crossfade over
 * {@code fadeFrames} (shortened to half the upper pass's stretch when that is shorter), always
 * inside the stretch of the later pass: a punch-in fades in over its first frames, a punch-out
 * fades out over its last ones, because the later pass holds no audio outside its extent. Every
 * frame outside the fades is one pass's sample, untouched.
 *
 * <p>The fades are equal-power (sine/cosine, sampled at the frame midpoints, so the two gains'
 * squares sum to 1 on every frame): the two sides of a punch are two performances, uncorrelated
 * beyond a few samples, and uncorrelated signals keep their loudness through an equal-power fade
 * where a linear one dips by 3 dB in the middle.
 *
 * <p>The result is written once as a float WAV under the song's folder (named by a digest of what
 * went into it, so a changed pass, offset or fade makes a new one) and played and rendered as any
 * track: the offline render and the playback engine read the same samples.
 */
final class LaneComp {
    static final String DIR = "lanes";
    private static final int BLOCK_FRAMES = 8192;

    /** A pass on the timeline: it has audio in song frames [start, end). */
    record Layer(Path file, long start, long end) {}

    /** A stretch [start, end) heard from {@code upper}, crossfading with {@code lower} when {@code fade} is not NONE; upper null is silence. */
    record Piece(long start, long end, Layer upper, Layer lower, Fade fade) {}

    enum Fade { NONE, IN, OUT }

    /** What the lane is: the active pass alone, or a comp file placed at a frame. */
    record Heard(Path file, long offsetFrames) {}

    private LaneComp() {}

    /**
     * The lane of {@code layers} (in recording order, the last one active) as one file placed on
     * the timeline; the active pass's own file when nothing beneath it is heard.
     */
    static Heard heard(Path songFolder, List<Path> files, List<Long> offsets, int fadeFrames, int rateHz) throws IOException {
        List<Layer> layers = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            long frames;
            try (SoundFileReader r = SoundFileReader.open(files.get(i))) {
                frames = r.frames();
            }
            layers.add(new Layer(files.get(i), offsets.get(i), offsets.get(i) + frames));
        }
        Layer active = layers.get(layers.size() - 1);
        List<Piece> pieces = pieces(layers, fadeFrames);
        if (pieces.stream().allMatch(p -> p.upper() == null || p.upper() == active && p.fade() == Fade.NONE)) {
            return new Heard(active.file(), active.start());
        }
        Path dir = songFolder.resolve(DIR);
        Files.createDirectories(dir);
        Path file = dir.resolve(digest(layers, fadeFrames, rateHz) + ".wav");
        if (!Files.isRegularFile(file)) {
            Path temp = dir.resolve("." + file.getFileName() + ".tmp");
            write(temp, pieces, rateHz);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        return new Heard(file, pieces.get(0).start());
    }

    /** The lane cut into stretches of one pass each, with their fades; frames before 0 are left out. */
    static List<Piece> pieces(List<Layer> layers, int fadeFrames) {
        TreeSet<Long> cuts = new TreeSet<>();
        for (Layer l : layers) {
            if (l.end() <= 0 || l.end() <= l.start()) continue;
            cuts.add(Math.max(0, l.start()));
            cuts.add(l.end());
        }
        List<Piece> segments = new ArrayList<>();
        Long from = null;
        for (long at : cuts) {
            if (from != null) {
                Layer top = top(layers, from, at);
                Piece last = segments.isEmpty() ? null : segments.get(segments.size() - 1);
                if (last != null && last.upper() == top) segments.set(segments.size() - 1, new Piece(last.start(), at, top, null, Fade.NONE));
                else segments.add(new Piece(from, at, top, null, Fade.NONE));
            }
            from = at;
        }
        long[] fadeIn = new long[segments.size()];
        long[] fadeOut = new long[segments.size()];
        Layer[] lowerIn = new Layer[segments.size()];
        Layer[] lowerOut = new Layer[segments.size()];
        for (int i = 0; i + 1 < segments.size(); i++) {
            Piece left = segments.get(i);
            Piece right = segments.get(i + 1);
            if (left.upper() == null || right.upper() == null) continue;
            long b = right.start();
            if (index(layers, right.upper()) > index(layers, left.upper())) {
                long n = Math.min(fadeFrames, (right.end() - right.start()) / 2);
                if (n > 0 && left.upper().end() >= b + n) {
                    fadeIn[i + 1] = n;
                    lowerIn[i + 1] = left.upper();
                }
            } else {
                long n = Math.min(fadeFrames, (left.end() - left.start()) / 2);
                if (n > 0 && right.upper().start() <= b - n) {
                    fadeOut[i] = n;
                    lowerOut[i] = right.upper();
                }
            }
        }
        List<Piece> out = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            Piece s = segments.get(i);
            if (fadeIn[i] > 0) out.add(new Piece(s.start(), s.start() + fadeIn[i], s.upper(), lowerIn[i], Fade.IN));
            long plainFrom = s.start() + fadeIn[i];
            long plainTo = s.end() - fadeOut[i];
            if (plainTo > plainFrom) out.add(new Piece(plainFrom, plainTo, s.upper(), null, Fade.NONE));
            if (fadeOut[i] > 0) out.add(new Piece(plainTo, s.end(), s.upper(), lowerOut[i], Fade.OUT));
        }
        return out;
    }

    private static int index(List<Layer> layers, Layer l) {
        for (int i = 0; i < layers.size(); i++) if (layers.get(i) == l) return i;
        return -1;
    }

    /** The latest layer with audio over all of [from, to), or null. */
    private static Layer top(List<Layer> layers, long from, long to) {
        for (int i = layers.size() - 1; i >= 0; i--) {
            Layer l = layers.get(i);
            if (l.start() <= from && l.end() >= to) return l;
        }
        return null;
    }

    private static void write(Path file, List<Piece> pieces, int rateHz) throws SoundFileException {
        List<Layer> open = new ArrayList<>();
        List<SoundFileReader> readers = new ArrayList<>();
        float[] upper = new float[BLOCK_FRAMES];
        float[] lower = new float[BLOCK_FRAMES];
        float[] out = new float[BLOCK_FRAMES];
        float[] scratch = new float[BLOCK_FRAMES];
        try (SoundFileWriter w = SoundFileWriter.create(file, Sndfile.SF_FORMAT_WAV | Sndfile.SF_FORMAT_FLOAT, rateHz, 1)) {
            for (Piece p : pieces) {
                for (long at = p.start(); at < p.end(); at += BLOCK_FRAMES) {
                    int n = (int) Math.min(BLOCK_FRAMES, p.end() - at);
                    if (p.upper() == null) {
                        Arrays.fill(out, 0, n, 0f);
                    } else {
                        read(reader(p.upper(), open, readers), at, upper, n, scratch);
                        if (p.fade() == Fade.NONE) {
                            System.arraycopy(upper, 0, out, 0, n);
                        } else {
                            read(reader(p.lower(), open, readers), at, lower, n, scratch);
                            long fade = p.end() - p.start();
                            for (int k = 0; k < n; k++) {
                                double theta = Math.PI / 2 * (at - p.start() + k + 0.5) / fade;
                                out[k] = p.fade() == Fade.IN
                                        ? (float) (lower[k] * Math.cos(theta) + upper[k] * Math.sin(theta))
                                        : (float) (upper[k] * Math.cos(theta) + lower[k] * Math.sin(theta));
                            }
                        }
                    }
                    w.writeFloat(out, n);
                }
            }
        } finally {
            for (SoundFileReader r : readers) r.close();
        }
    }

    private static SoundFileReader reader(Layer l, List<Layer> open, List<SoundFileReader> readers) throws SoundFileException {
        int i = open.indexOf(l);
        if (i >= 0) return readers.get(i);
        SoundFileReader r = SoundFileReader.open(l.file(), l.start());
        open.add(l);
        readers.add(r);
        return r;
    }

    /** Reads timeline frames [at, at + n) of a mono pass; what the file does not hold is silence. */
    private static void read(SoundFileReader r, long at, float[] into, int n, float[] scratch) throws SoundFileException {
        if (r.channels() != 1) throw new SoundFileException(r.path() + ": a pass is one channel, this file has " + r.channels());
        r.seek(at);
        int got = 0;
        while (got < n) {
            int k = r.read(scratch, n - got);
            if (k <= 0) break;
            System.arraycopy(scratch, 0, into, got, k);
            got += k;
        }
        Arrays.fill(into, got, n, 0f);
    }

    private static String digest(List<Layer> layers, int fadeFrames, int rateHz) throws IOException {
        StringBuilder what = new StringBuilder("taperoom-lane/1 ").append(rateHz).append(' ').append(fadeFrames);
        for (Layer l : layers) {
            what.append('\n').append(l.file().toAbsolutePath().normalize()).append(' ').append(l.start()).append(' ')
                    .append(Files.size(l.file())).append(' ').append(Files.getLastModifiedTime(l.file()).toMillis());
        }
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(what.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
