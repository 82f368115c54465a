package org.taperoom.appliance.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.taperoom.appliance.dsp.export.WavWriter;

/** Test signals, take folders and an independent reading of files by ffmpeg. */
public final class TestAudio {
    private TestAudio() {}

    /** Writes a mono 24-bit WAV (the engine's default track format). */
    public static void writeMono24(Path file, int rate, float[] samples) throws IOException {
        try (WavWriter w = new WavWriter(file, rate, 1, 24, null)) {
            int[] ints = new int[samples.length];
            for (int i = 0; i < samples.length; i++) {
                long q = Math.round(Math.max(-1, Math.min(1, samples[i])) * 8388607.0);
                ints[i] = (int) (q << 8);
            }
            w.writeInts(ints, samples.length);
        }
    }

    public static void writeFloat(Path file, int rate, int channels, float[] interleaved) throws IOException {
        try (WavWriter w = new WavWriter(file, rate, channels, 32, null)) {
            w.writeFloats(interleaved, interleaved.length / channels);
        }
    }

    /** A sine of {@code amplitude} (linear peak), {@code seconds} long. */
    public static float[] sine(int rate, double hz, double amplitude, double seconds) {
        int n = (int) Math.round(rate * seconds);
        float[] s = new float[n];
        for (int i = 0; i < n; i++) s[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / rate));
        return s;
    }

    /** Music-like tracks at 120 bpm: kick, bass, chords, hats, lead. Deterministic for a seed. */
    public static List<float[]> band(int rate, double seconds, long seed) {
        Random rnd = new Random(seed);
        int n = (int) (rate * seconds);
        float[] kick = new float[n];
        float[] bass = new float[n];
        float[] chords = new float[n];
        float[] hats = new float[n];
        float[] lead = new float[n];
        int beat = rate / 2;
        double[] roots = {55, 55 * 1.335, 55 * 1.498, 55 * 1.122};
        for (int i = 0; i < n; i++) {
            int inBeat = i % beat;
            double tb = inBeat / (double) rate;
            int bar = i / (beat * 4);
            double root = roots[bar % 4];
            kick[i] = (float) (0.8 * Math.exp(-tb * 18) * Math.sin(2 * Math.PI * (50 + 80 * Math.exp(-tb * 40)) * tb));
            double t = i / (double) rate;
            double saw = 0;
            for (int h = 1; h <= 6; h++) saw += Math.sin(2 * Math.PI * root * h * t) / h;
            bass[i] = (float) (0.25 * saw * (0.6 + 0.4 * Math.exp(-tb * 6)));
            double chord = Math.sin(2 * Math.PI * root * 4 * t) + Math.sin(2 * Math.PI * root * 5.04 * t) + Math.sin(2 * Math.PI * root * 6 * t);
            chords[i] = (float) (0.12 * chord * (0.5 + 0.5 * Math.sin(2 * Math.PI * 0.25 * t)));
            int eighth = i % (beat / 2);
            hats[i] = (float) ((rnd.nextDouble() * 2 - 1) * 0.3 * Math.exp(-eighth / (double) rate * 60));
            double vib = 1 + 0.01 * Math.sin(2 * Math.PI * 5 * t);
            double phrase = Math.max(0, Math.sin(2 * Math.PI * t / 4));
            lead[i] = (float) (0.3 * phrase * (Math.sin(2 * Math.PI * root * 8 * vib * t) + 0.3 * Math.sin(2 * Math.PI * root * 16 * vib * t)));
        }
        return List.of(kick, bass, chords, hats, lead);
    }

    public static final List<String> BAND_NAMES = List.of("kick", "bass", "chords", "hats", "lead");

    /** Writes {@code tracks} as {@code NN-<name>.wav} into {@code dir}. */
    public static void writeTake(Path dir, int rate, List<String> names, List<float[]> tracks) throws IOException {
        java.nio.file.Files.createDirectories(dir);
        for (int i = 0; i < tracks.size(); i++) {
            writeMono24(dir.resolve(String.format("%02d-%s.wav", i + 1, names.get(i))), rate, tracks.get(i));
        }
    }

    /** What ffmpeg's ebur128 filter (peak=true) says about a file. */
    public record FfmpegLoudness(double integratedLufs, double loudnessRangeLu, double truePeakDbtp) {}

    public static FfmpegLoudness ffmpegEbur128(Path file) throws IOException, InterruptedException {
        String out = run(List.of("ffmpeg", "-hide_banner", "-nostats", "-i", file.toString(), "-af", "ebur128=peak=true",
                "-f", "null", "-"));
        int summary = out.lastIndexOf("Summary:");
        if (summary < 0) throw new IOException("no ebur128 summary from ffmpeg:\n" + out);
        String s = out.substring(summary);
        return new FfmpegLoudness(number(s, "I:\\s+(-?[0-9.]+|-inf) LUFS"), number(s, "LRA:\\s+(-?[0-9.]+) LU"),
                number(s, "Peak:\\s+(-?[0-9.]+|-inf) dBFS"));
    }

    private static double number(String text, String regex) throws IOException {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) throw new IOException("no match for " + regex + " in\n" + text);
        return m.group(1).equals("-inf") ? Double.NEGATIVE_INFINITY : Double.parseDouble(m.group(1));
    }

    /** Runs a command; returns stdout+stderr; fails on a non-zero exit. */
    public static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + command);
        }
        String text = new String(out);
        if (p.exitValue() != 0) throw new IOException(command.get(0) + " exited " + p.exitValue() + ":\n" + text);
        return text;
    }
}
