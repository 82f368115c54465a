package org.taperoom.appliance.dsp.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.taperoom.appliance.dsp.audiofile.SoundFileReader;
import org.taperoom.appliance.dsp.export.AudioSink;
import org.taperoom.appliance.dsp.export.OutputFormat;
import org.taperoom.appliance.dsp.export.Sinks;
import org.taperoom.appliance.dsp.loudness.LoudnessFigures;
import org.taperoom.appliance.dsp.master.Dither;
import org.taperoom.appliance.dsp.master.Limiter;
import org.taperoom.appliance.dsp.master.MasterBus;
import org.taperoom.appliance.dsp.mix.Mixer;
import org.taperoom.appliance.dsp.settings.MasterSettings;
import org.taperoom.appliance.dsp.settings.RenderSettings;
import org.taperoom.appliance.dsp.settings.SettingsException;
import org.taperoom.appliance.dsp.settings.TrackSettings;

/**
 * Offline render of a take to a stereo file: the mixdown (tracks through their strips, the mix
 * and buses, the master bus, analysed as it goes: {@link Mixdown}); then loudness normalisation
 * through the true-peak limiter, dither and the file, measured as it is written
 * ({@link OutputMeter}). The same settings give the same bytes: summing is in track order
 * whatever thread processed a track, and dither is seeded.
 *
 * <p>Memory: the master bus output is kept with its true-peak envelope ({@link BusTape}, 12 bytes
 * per frame, 35 MB per minute at 48 kHz) because normalising to an integrated loudness needs the
 * whole programme before the first byte is written; on the heap while that takes at most a
 * quarter of the heap's limit, else in a mapped temp file beside the output, so a long take
 * renders in bounded heap (the same bytes either way).
 *
 * <p>Threads: {@link #render} runs on the caller's thread ("render thread"), which owns every
 * object here; the mixdown's workers and the output meter's thread each own what they are handed.
 */
public final class Renderer {
    static final int BLOCK_FRAMES = 4096;
    static final long DITHER_SEED = 0x7A9E_400Dl;
    /** Internal margin below the ceiling for the limiter, absorbing interpolation differences between our true-peak estimate and a meter's. */
    static final double CEILING_MARGIN_DB = 0.1;
    private final int threads;
    /** Largest bus tape kept on the heap, bytes; longer takes go to a mapped temp file. */
    private final long heapTapeBytes;

    /** @param threads threads that share the mixdown, the caller's included (1 renders everything on the caller's thread) */
    public Renderer(int threads) {
        this(threads, Runtime.getRuntime().maxMemory() / 4);
    }

    /** @param heapTapeBytes largest bus tape (12 bytes a frame) kept on the heap; 0 always uses a temp file */
    Renderer(int threads, long heapTapeBytes) {
        this.threads = Math.max(1, threads);
        this.heapTapeBytes = heapTapeBytes;
    }

    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * Renders {@code take} with {@code settings} to {@code out} (format from its extension),
     * writes {@code out + ".json"} beside it with the settings and the before/after figures,
     * and returns the result. The file appears only when complete (written to a hidden part file
     * first); cancelling ({@code cancelled} turning true) throws {@link CancellationException} and
     * leaves nothing behind.
     */
    public RenderResult render(TakeTracks take, RenderSettings settings, Path out, RenderProgress progress,
                               BooleanSupplier cancelled) throws IOException, SettingsException {
        long started = System.nanoTime();
        OutputFormat format;
        try {
            format = OutputFormat.forPath(out);
        } catch (IllegalArgumentException e) {
            throw new SettingsException(e.getMessage());
        }
        if (format != OutputFormat.WAV && settings.output().sampleFormat().equals("f32") && !format.lossy) {
            throw new SettingsException("output.sample_format: f32 is only for .wav; use s16 or s24 for ." + format.extension());
        }
        take.check(settings.mix());
        Stages stages = new Stages();
        Files.createDirectories(out.toAbsolutePath().getParent());
        Mixdown.Result mixed = mix(take, settings, progress, cancelled, out.resolveSibling("." + out.getFileName() + ".tape"));
        try {
            stages.lap("mixing");
            return finish(settings, out, progress, cancelled, started, format, stages, mixed);
        } finally {
            mixed.tape().close();
        }
    }

    /** Seconds spent in each stage, in order, for the record beside the file. */
    private static final class Stages {
        final Map<String, Double> seconds = new LinkedHashMap<>();
        private long mark = System.nanoTime();

        void lap(String stage) {
            long now = System.nanoTime();
            seconds.put(stage, (now - mark) / 1e9);
            mark = now;
        }
    }

    /** The render after the mixdown: normalisation, writing, checking and the record beside the file. */
    private RenderResult finish(RenderSettings settings, Path out, RenderProgress progress, BooleanSupplier cancelled,
                                long started, OutputFormat format, Stages stages, Mixdown.Result mixed) throws IOException {
        MasterSettings master = settings.master();
        int rate = mixed.rateHz();
        Double target = master.normalize() ? master.targetLufs() : null;
        float tpMax = mixed.truePeak();
        // The limiter's view of the mix: at least libebur128's true peak, more on bright material.
        float envelopeMax = mixed.envelopePeak();
        LoudnessFigures before = mixed.before().withTruePeak(tpMax);
        Double integratedBefore = before.integratedLufs();
        checkCancelled(cancelled);
        double limiterCeilingDb = master.ceilingDbtp() - CEILING_MARGIN_DB;
        Normalisation limits = Normalisation.of(master, rate, 0);
        double ceilingLin = limits.ceilingLinear();
        int lookahead = limits.lookaheadFrames();
        double releaseFrames = limits.releaseFrames();

        double gainDb = 0;
        String note = null;
        Double measured = null;
        double maxGainDb = Double.POSITIVE_INFINITY;
        if (target != null) {
            if (integratedBefore == null) {
                note = "the mix is silent (integrated loudness undefined below -70 LUFS): no normalisation gain applied";
            } else {
                double headroomDb = envelopeMax > 0 ? limiterCeilingDb - 20 * Math.log10(envelopeMax) : 60;
                maxGainDb = Math.min(60, headroomDb + master.maxLimitingDb());
                gainDb = Math.min(target - integratedBefore, maxGainDb);
                // The limiter only changes loudness when the gain pushes peaks past the ceiling;
                // then measure and correct (loudness falls as limiting grows, so this converges).
                if (gainDb > headroomDb) {
                    for (int pass = 0; pass < 6; pass++) {
                        checkCancelled(cancelled);
                        measured = limitedLoudness(mixed, gainDb, ceilingLin, lookahead, releaseFrames);
                        progress.update("normalising", 0.72 + 0.02 * (pass + 1));
                        if (measured == null || Math.abs(target - measured) <= 0.05) break;
                        double next = Math.min(maxGainDb, gainDb + (target - measured));
                        if (Math.abs(next - gainDb) < 0.005) break;
                        gainDb = next;
                    }
                }
            }
        }

        stages.lap("normalising");
        progress.update("writing", 0.85);
        Path part = out.resolveSibling("." + out.getFileName() + ".part");
        LoudnessFigures after = null;
        double limiterReductionDb = 0;
        try {
            for (int attempt = 0; attempt < 4; attempt++) {
                Written w = write(mixed, gainDb, ceilingLin, lookahead, releaseFrames, part, format, settings, progress, cancelled);
                limiterReductionDb = w.maxReductionDb;
                after = format.lossy ? measureFile(part) : w.figures;
                progress.update("checking", 0.99);
                // The ceiling is a promise about the file as a meter reads it; if quantisation or a
                // lossy encoder pushed a peak over, take the excess off and write again.
                if (after.truePeakDbtp() == null || after.truePeakDbtp() <= master.ceilingDbtp()) break;
                double excessDb = after.truePeakDbtp() - master.ceilingDbtp() + (format.lossy ? 0.1 : 0.02);
                // Where the limiter works, its ceiling sets the peaks (less input gain would change
                // nothing there); where it idles, less gain is the cleaner cure.
                if (limiterReductionDb < -0.01) ceilingLin *= Math.pow(10, -excessDb / 20);
                else gainDb -= excessDb;
            }
            checkCancelled(cancelled);
            stages.lap("writing");
            Files.move(part, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(part);
        }

        Double shortfall = null;
        if (target != null && after.integratedLufs() != null && after.integratedLufs() < target - 0.5) {
            shortfall = target - after.integratedLufs();
            if (note == null) {
                note = String.format("%.1f LUFS reached, %.1f LU short of %.1f: reaching the target needs more than the %.1f dB of "
                                + "limiting max_limiting_db allows (the mix's true peak is %.1f dB above its loudness)",
                        after.integratedLufs(), shortfall, target, master.maxLimitingDb(),
                        20 * Math.log10(tpMax) - integratedBefore);
            }
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        RenderResult result = new RenderResult(out, format, rate, mixed.frames(), before, after, target, master.ceilingDbtp(),
                gainDb, limiterReductionDb, shortfall, note, elapsed, stages.seconds,
                new Normalisation(gainDb, ceilingLin, lookahead, releaseFrames));
        RenderRecord.write(out, settings, result);
        progress.update("done", 1.0);
        return result;
    }

    /** Opens the tracks, configures the mix and the master bus, and runs the mixdown onto a new tape. */
    private Mixdown.Result mix(TakeTracks take, RenderSettings settings, RenderProgress progress, BooleanSupplier cancelled,
                               Path tapeFile) throws IOException {
        List<TakeTracks.Track> tracks = take.tracks();
        List<SoundFileReader> readers = new ArrayList<>();
        BusTape tape = null;
        boolean mixed = false;
        try {
            for (TakeTracks.Track t : tracks) readers.add(t.open());
            int rate = readers.get(0).rateHz();
            long longest = 0;
            for (SoundFileReader r : readers) {
                if (r.rateHz() != rate) {
                    throw new IOException(r.path().getFileName() + ": " + r.rateHz() + " Hz, but "
                            + readers.get(0).path().getFileName() + " is " + rate + " Hz; a take's tracks share one rate");
                }
                longest = Math.max(longest, r.frames());
            }
            Mixer mixer = new Mixer(rate, tracks.size());
            List<TrackSettings> perTrack = tracks.stream().map(t -> settings.mix().track(t.stem(), t.name())).toList();
            mixer.configure(settings.mix(), perTrack, true);
            MasterBus bus = new MasterBus(rate);
            bus.configure(settings.master(), true);
            long total = programmeFrames(longest, settings, mixer, rate);
            if (total > Integer.MAX_VALUE - 16) throw new IOException("take too long to render in one piece (" + total + " frames)");
            int frames = (int) total;
            tape = 12L * frames <= heapTapeBytes ? BusTape.onHeap(frames) : BusTape.inFile(tapeFile, frames);
            Mixdown.Result result = Mixdown.run(readers, mixer, bus, tape, frames, rate, threads, progress, cancelled);
            mixed = true;
            return result;
        } finally {
            for (SoundFileReader r : readers) r.close();
            if (!mixed && tape != null) tape.close();
        }
    }

    /**
     * Frames of a take's programme: its longest track and the buses' tail (the output settings'
     * tail, else what the configured {@code mixer} rings for). Playback ends where a render does.
     */
    public static long programmeFrames(long longestTrackFrames, RenderSettings settings, Mixer mixer, int rate) {
        double tailSeconds = settings.output().tailSeconds() != null ? settings.output().tailSeconds() : mixer.tailSeconds();
        return longestTrackFrames + (long) Math.ceil(tailSeconds * rate);
    }

    /** The integrated loudness of the limited programme at {@code gainDb}: a normalisation pass, metered on a second thread. */
    private static Double limitedLoudness(Mixdown.Result m, double gainDb, double ceilingLin, int lookahead, double releaseFrames) {
        Limiter limiter = limiter(m, gainDb, ceilingLin, lookahead, releaseFrames);
        OutputMeter meter = new OutputMeter(m.rateHz(), false);
        try {
            while (true) {
                float[] block = meter.block();
                int n = limiter.process(block, BLOCK_FRAMES);
                if (n == 0) break;
                meter.offer(block, n);
            }
            meter.finish();
            return meter.integratedLufs();
        } finally {
            meter.stop();
        }
    }

    private static Limiter limiter(Mixdown.Result m, double gainDb, double ceilingLin, int lookahead, double releaseFrames) {
        BusTape tape = m.tape();
        return new Limiter(tape.left, tape.right, tape.truePeak, m.frames(), Math.pow(10, gainDb / 20), ceilingLin, lookahead, releaseFrames);
    }

    private record Written(LoudnessFigures figures, double maxReductionDb) {}

    /**
     * Limits, dithers and writes the programme to {@code file}, a block at a time; a lossless
     * file is measured as it is written (its words, as a reader will see them).
     */
    private static Written write(Mixdown.Result m, double gainDb, double ceilingLin, int lookahead, double releaseFrames,
                                 Path file, OutputFormat format, RenderSettings settings, RenderProgress progress,
                                 BooleanSupplier cancelled) throws IOException {
        Limiter limiter = limiter(m, gainDb, ceilingLin, lookahead, releaseFrames);
        int[] words = new int[2 * BLOCK_FRAMES];
        OutputMeter meter = format.lossy ? null : new OutputMeter(m.rateHz(), true);
        float[] unmetered = new float[2 * BLOCK_FRAMES + 1];
        try (AudioSink sink = Sinks.open(file, format, m.rateHz(), settings.output(), settings.tags())) {
            // Dither whenever the file's word is shorter than our float processing.
            Dither dither = sink.wantsIntegers() ? new Dither(sink.bits(), DITHER_SEED) : null;
            int done = 0;
            while (true) {
                float[] block = meter != null ? meter.block() : unmetered;
                int n = limiter.process(block, BLOCK_FRAMES);
                if (n == 0) break;
                checkCancelled(cancelled);
                if (dither != null) {
                    dither.quantise(block, words, 2 * n);
                    sink.writeInts(words, n);
                    // The meter reads what the file holds: the dithered words.
                    wordsToFloats(words, block, 2 * n);
                } else {
                    sink.writeFloats(block, n);
                }
                if (meter != null) meter.offer(block, n);
                done += n;
                progress.update("writing", 0.85 + 0.13 * done / m.frames());
            }
            if (meter != null) meter.finish();
        } finally {
            if (meter != null) meter.stop();
        }
        return new Written(meter == null ? null : meter.figures(), limiter.maxReductionDb());
    }

    /** Left-justified 32-bit words back to floats in [-1, 1), exactly. */
    private static void wordsToFloats(int[] words, float[] into, int count) {
        for (int i = 0; i < count; i++) into[i] = words[i] * 0x1.0p-31f;
    }

    private static LoudnessFigures measureFile(Path file) throws IOException {
        return org.taperoom.appliance.dsp.loudness.FileLoudness.measure(file);
    }

    private static void checkCancelled(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) throw new CancellationException("render cancelled");
    }
}
