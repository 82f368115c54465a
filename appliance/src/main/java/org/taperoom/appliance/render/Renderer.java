package org.taperoom.appliance.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.taperoom.appliance.audiofile.SoundFileReader;
import org.taperoom.appliance.export.AudioSink;
import org.taperoom.appliance.export.OutputFormat;
import org.taperoom.appliance.export.Sinks;
import org.taperoom.appliance.loudness.ChannelLayout;
import org.taperoom.appliance.loudness.LoudnessFigures;
import org.taperoom.appliance.loudness.LoudnessMeter;
import org.taperoom.appliance.loudness.GatedTruePeak;
import org.taperoom.appliance.loudness.TruePeakMeter;
import org.taperoom.appliance.master.Dither;
import org.taperoom.appliance.master.Limiter;
import org.taperoom.appliance.master.MasterBus;
import org.taperoom.appliance.mix.Mixer;
import org.taperoom.appliance.settings.MasterSettings;
import org.taperoom.appliance.settings.RenderSettings;
import org.taperoom.appliance.settings.SettingsException;
import org.taperoom.appliance.settings.TrackSettings;

/**
 * Offline render of a take to a stereo file: tracks through their strips (in parallel across
 * tracks, one block at a time), the mix and buses, the master bus; then loudness normalisation
 * through the true-peak limiter, dither and the file. The same settings give the same bytes:
 * summing is in track order whatever thread processed a track, and dither is seeded.
 *
 * <p>Memory: the master bus output is kept with its true-peak envelope ({@link BusTape}, 12 bytes
 * per frame, 35 MB per minute at 48 kHz) because normalising to an integrated loudness needs the
 * whole programme before the first byte is written; on the heap while that takes at most a
 * quarter of the heap's limit, else in a mapped temp file beside the output, so a long take
 * renders in bounded heap (the same bytes either way).
 *
 * <p>Threads: {@link #render} runs on the caller's thread ("render thread"), which owns every
 * object here; worker threads only process distinct channel strips between two barriers.
 */
public final class Renderer {
    static final int BLOCK_FRAMES = 4096;
    static final long DITHER_SEED = 0x7A9E_400Dl;
    /** Internal margin below the ceiling for the limiter, absorbing interpolation differences between our true-peak estimate and a meter's. */
    static final double CEILING_MARGIN_DB = 0.1;
    private final int threads;
    /** Largest bus tape kept on the heap, bytes; longer takes go to a mapped temp file. */
    private final long heapTapeBytes;

    /** @param threads worker threads for the per-track stage (1 renders everything on the caller's thread) */
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
        java.util.Map<String, Double> stageSeconds = new java.util.LinkedHashMap<>();
        long mark = System.nanoTime();
        Files.createDirectories(out.toAbsolutePath().getParent());
        Mixed mixed = mix(take, settings, progress, cancelled, out.resolveSibling("." + out.getFileName() + ".tape"));
        try {
            return analyseAndFinish(settings, out, progress, cancelled, started, format, stageSeconds, mark, mixed);
        } finally {
            mixed.tape.close();
        }
    }

    private RenderResult analyseAndFinish(RenderSettings settings, Path out, RenderProgress progress, BooleanSupplier cancelled,
                                          long started, OutputFormat format, java.util.Map<String, Double> stageSeconds, long mark,
                                          Mixed mixed) throws IOException {
        mark = lap(stageSeconds, "mixing", mark);
        MasterSettings master = settings.master();
        int rate = mixed.sampleRate;
        int frames = mixed.frames;
        BusTape tape = mixed.tape;

        progress.update("analysing", 0.70);
        Double target = master.normalize() ? master.targetLufs() : null;
        LoudnessFigures before = null;
        Background<LoudnessFigures> beforeLater = null;
        if (target == null) {
            // Nothing written depends on the "before" figures without normalisation: they are
            // measured on a helper thread while this one computes the envelope, limits and writes,
            // so the cores share both jobs instead of one waiting at a barrier. Joined below.
            beforeLater = new Background<>(() -> measure(tape, rate));
            tape.computeTruePeak(0, frames);
        } else {
            before = inParallel(() -> measure(tape, rate), () -> tape.computeTruePeak(0, frames));
        }
        try {
            return finish(settings, out, progress, cancelled, started, format, stageSeconds, mark, mixed, target,
                    before, beforeLater);
        } finally {
            if (beforeLater != null) beforeLater.awaitQuietly();
        }
    }

    /** The render after the analysis: normalisation, writing, checking and the record beside the file. */
    private RenderResult finish(RenderSettings settings, Path out, RenderProgress progress, BooleanSupplier cancelled,
                                long started, OutputFormat format, java.util.Map<String, Double> stageSeconds, long mark, Mixed mixed,
                                Double target, LoudnessFigures measuredBefore,
                                Background<LoudnessFigures> beforeLater) throws IOException {
        MasterSettings master = settings.master();
        int rate = mixed.sampleRate;
        int frames = mixed.frames;
        LoudnessFigures before = measuredBefore;
        checkCancelled(cancelled);
        Double integratedBefore = before == null ? null : before.integratedLufs();
        mark = lap(stageSeconds, "analysing", mark);
        float tpMax = 0;
        for (int i = 0; i < frames; i++) tpMax = Math.max(tpMax, mixed.tape.truePeak.get(i));
        if (before != null) before = before.withTruePeak(tpMax);
        double limiterCeilingDb = master.ceilingDbtp() - CEILING_MARGIN_DB;
        double ceilingLin = Math.pow(10, limiterCeilingDb / 20);
        int lookahead = (int) Math.round(master.lookaheadMs() / 1000 * rate);
        double releaseFrames = master.releaseMs() / 1000 * rate;

        double gainDb = 0;
        String note = null;
        Double measured = null;
        double maxGainDb = Double.POSITIVE_INFINITY;
        if (target != null) {
            if (integratedBefore == null) {
                note = "the mix is silent (integrated loudness undefined below -70 LUFS): no normalisation gain applied";
            } else {
                double headroomDb = tpMax > 0 ? limiterCeilingDb - 20 * Math.log10(tpMax) : 60;
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

        mark = lap(stageSeconds, "normalising", mark);
        progress.update("writing", 0.85);
        Path part = out.resolveSibling("." + out.getFileName() + ".part");
        LoudnessFigures after = null;
        double limiterReductionDb = 0;
        try {
            for (int attempt = 0; attempt < 4; attempt++) {
                // The output's own true-peak check oversamples only near samples that could come within
                // 0.5 dB of the peak the limiter should leave (GatedTruePeak): exact there, and the
                // whole file is measured again should the peak turn out lower than that.
                double expectedPeak = Math.min(ceilingLin, tpMax * Math.pow(10, gainDb / 20));
                Written w = write(mixed, gainDb, ceilingLin, expectedPeak * Math.pow(10, -0.5 / 20), lookahead, releaseFrames, part, format, settings, progress, cancelled);
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
            lap(stageSeconds, "writing", mark);
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
        if (beforeLater != null) before = beforeLater.join().withTruePeak(tpMax);
        double elapsed = (System.nanoTime() - started) / 1e9;
        RenderResult result = new RenderResult(out, format, rate, frames, before, after, target, master.ceilingDbtp(),
                gainDb, limiterReductionDb, shortfall, note, elapsed, stageSeconds);
        RenderRecord.write(out, settings, result);
        progress.update("done", 1.0);
        return result;
    }

    private static long lap(java.util.Map<String, Double> stageSeconds, String stage, long since) {
        long now = System.nanoTime();
        stageSeconds.put(stage, (now - since) / 1e9);
        return now;
    }

    /** The master bus output on its tape. */
    private record Mixed(BusTape tape, int frames, int sampleRate) {}

    private Mixed mix(TakeTracks take, RenderSettings settings, RenderProgress progress, BooleanSupplier cancelled, Path tapeFile)
            throws IOException {
        List<TakeTracks.Track> tracks = take.tracks();
        int count = tracks.size();
        List<SoundFileReader> readers = new ArrayList<>();
        ExecutorService pool = null;
        BusTape tape = null;
        boolean mixed = false;
        try {
            for (TakeTracks.Track t : tracks) readers.add(SoundFileReader.open(t.file()));
            int rate = readers.get(0).sampleRate();
            long longest = 0;
            for (SoundFileReader r : readers) {
                if (r.sampleRate() != rate) {
                    throw new IOException(r.path().getFileName() + ": " + r.sampleRate() + " Hz, but "
                            + readers.get(0).path().getFileName() + " is " + rate + " Hz; a take's tracks share one rate");
                }
                longest = Math.max(longest, r.frames());
            }
            Mixer mixer = new Mixer(rate, count);
            List<TrackSettings> perTrack = tracks.stream().map(t -> settings.mix().track(t.stem(), t.name())).toList();
            mixer.configure(settings.mix(), perTrack, true);
            MasterBus bus = new MasterBus(rate);
            bus.configure(settings.master(), true);
            double tailSeconds = settings.output().tailSeconds() != null ? settings.output().tailSeconds() : mixer.tailSeconds();
            long total = longest + (long) Math.ceil(tailSeconds * rate);
            if (total > Integer.MAX_VALUE - 16) throw new IOException("take too long to render in one piece (" + total + " frames)");
            int frames = (int) total;
            tape = 12L * frames <= heapTapeBytes ? BusTape.onHeap(frames) : BusTape.inFile(tapeFile, frames);
            float[] blockL = new float[BLOCK_FRAMES];
            float[] blockR = new float[BLOCK_FRAMES];

            TrackWork[] work = new TrackWork[count];
            for (int t = 0; t < count; t++) work[t] = new TrackWork(readers.get(t), mixer, t);
            int workers = Math.min(threads, count);
            List<Callable<Void>> groups = new ArrayList<>();
            for (int g = 0; g < workers; g++) {
                final int group = g;
                groups.add(() -> {
                    for (int t = group; t < count; t += workers) work[t].run();
                    return null;
                });
            }
            if (workers > 1) pool = Executors.newFixedThreadPool(workers - 1, r -> {
                Thread th = new Thread(r, "render-worker");
                th.setDaemon(true);
                return th;
            });
            double[][][] outs = new double[count][][];
            double[] mixL = new double[BLOCK_FRAMES];
            double[] mixR = new double[BLOCK_FRAMES];
            for (int pos = 0; pos < frames; pos += BLOCK_FRAMES) {
                checkCancelled(cancelled);
                int n = Math.min(BLOCK_FRAMES, frames - pos);
                for (TrackWork w : work) w.frames = n;
                if (pool == null) {
                    for (TrackWork w : work) w.run();
                } else {
                    // The render thread takes the first group itself rather than idle at a barrier.
                    List<Future<Void>> others = new ArrayList<>();
                    for (int g = 1; g < groups.size(); g++) others.add(pool.submit(groups.get(g)));
                    groups.get(0).call();
                    for (Future<Void> f : others) f.get();
                }
                for (int t = 0; t < count; t++) outs[t] = work[t].silent ? null : work[t].outs;
                mixer.sum(outs, n, mixL, mixR);
                bus.process(mixL, mixR, n);
                for (int i = 0; i < n; i++) {
                    blockL[i] = (float) mixL[i];
                    blockR[i] = (float) mixR[i];
                }
                tape.put(pos, blockL, blockR, n);
                progress.update("mixing", 0.70 * (pos + n) / frames);
            }
            mixed = true;
            return new Mixed(tape, frames, rate);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("render interrupted");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) throw io;
            if (c instanceof RuntimeException re) throw re;
            throw new IOException(c);
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        } finally {
            if (pool != null) pool.shutdownNow();
            for (SoundFileReader r : readers) r.close();
            if (!mixed && tape != null) tape.close();
        }
    }

    /** One track's block: read, convert, process through its strip. Owned by one worker at a time. */
    private static final class TrackWork {
        final SoundFileReader reader;
        final Mixer mixer;
        final int track;
        final float[] raw;
        final double[] mono = new double[BLOCK_FRAMES];
        final double[][] outs = new double[4][BLOCK_FRAMES];
        int frames;
        boolean silent;
        boolean ended;

        TrackWork(SoundFileReader reader, Mixer mixer, int track) {
            this.reader = reader;
            this.mixer = mixer;
            this.track = track;
            this.raw = new float[BLOCK_FRAMES * reader.channels()];
        }

        void run() throws IOException {
            int ch = reader.channels();
            int got = 0;
            while (!ended && got < frames) {
                int n = reader.read(raw, frames - got);
                if (n == 0) {
                    ended = true;
                    break;
                }
                if (ch == 1) {
                    for (int i = 0; i < n; i++) mono[got + i] = raw[i];
                } else {
                    for (int i = 0; i < n; i++) {
                        double s = 0;
                        for (int c = 0; c < ch; c++) s += raw[i * ch + c];
                        mono[got + i] = s / ch;
                    }
                }
                got += n;
            }
            java.util.Arrays.fill(mono, got, frames, 0);
            silent = mixer.strip(track).isSilent();
            if (!silent) mixer.strip(track).process(mono, frames, outs[0], outs[1], outs[2], outs[3]);
        }
    }

    private static void interleave(double[] l, double[] r, int n, float[] into) {
        for (int i = 0; i < n; i++) {
            into[2 * i] = (float) l[i];
            into[2 * i + 1] = (float) r[i];
        }
    }

    /**
     * A computation on its own daemon thread, started at construction; {@link #join} waits for it
     * and returns its result or rethrows its failure.
     */
    private static final class Background<T> {
        private final Thread thread;
        // Written by the background thread before it ends; read by the render thread after join().
        private T result;
        private Throwable failure;

        Background(Callable<T> work) {
            thread = new Thread(() -> {
                try {
                    result = work.call();
                } catch (Throwable e) {
                    failure = e;
                }
            }, "render-before");
            thread.setDaemon(true);
            thread.start();
        }

        T join() throws IOException {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("render interrupted");
            }
            if (failure instanceof IOException io) throw io;
            if (failure instanceof RuntimeException re) throw re;
            if (failure instanceof Error err) throw err;
            if (failure != null) throw new IOException(failure);
            return result;
        }

        /** Waits for the thread to end, ignoring its outcome (after the render failed or was cancelled). */
        void awaitQuietly() {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Runs {@code side} on a helper thread while the caller computes {@code main}; both done on return. */
    private static <T> T inParallel(java.util.concurrent.Callable<T> main, Runnable side) throws IOException {
        Throwable[] failure = new Throwable[1];
        Thread t = new Thread(() -> {
            try {
                side.run();
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, "render-side");
        t.setDaemon(true);
        t.start();
        T result;
        try {
            result = main.call();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        } finally {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("render interrupted");
            }
        }
        if (failure[0] instanceof RuntimeException re) throw re;
        if (failure[0] instanceof Error err) throw err;
        return result;
    }

    /**
     * Figures (libebur128) of a stereo programme held in memory, all but the true peak: the
     * render's own envelope ({@link TruePeakEnvelope}, held to the same Tech 3341 cases) supplies
     * that, computed on the other core at the same time.
     */
    private static LoudnessFigures measure(BusTape tape, int rate) {
        float[] block = new float[2 * BLOCK_FRAMES];
        float[] l = new float[BLOCK_FRAMES];
        float[] r = new float[BLOCK_FRAMES];
        try (LoudnessMeter meter = new LoudnessMeter(ChannelLayout.STEREO, rate, true, false)) {
            for (int pos = 0; pos < tape.frames; pos += BLOCK_FRAMES) {
                int n = Math.min(BLOCK_FRAMES, tape.frames - pos);
                tape.interleave(pos, n, l, r, block);
                meter.add(block, n);
            }
            return meter.figures();
        }
    }

    private static Double limitedLoudness(Mixed m, double gainDb, double ceilingLin, int lookahead,
                                          double releaseFrames) {
        Limiter limiter = new Limiter(m.tape.left, m.tape.right, m.tape.truePeak, m.frames, Math.pow(10, gainDb / 20), ceilingLin, lookahead, releaseFrames);
        float[] block = new float[2 * BLOCK_FRAMES];
        try (LoudnessMeter meter = new LoudnessMeter(ChannelLayout.STEREO, m.sampleRate, false)) {
            int n;
            while ((n = limiter.process(block, BLOCK_FRAMES)) > 0) meter.add(block, n);
            return meter.integratedLufs();
        }
    }

    private record Written(LoudnessFigures figures, double maxReductionDb) {}

    private static Written write(Mixed m, double gainDb, double ceilingLin, double checkLevel, int lookahead, double releaseFrames,
                                 Path file, OutputFormat format, RenderSettings settings, RenderProgress progress,
                                 BooleanSupplier cancelled) throws IOException {
        Limiter limiter = new Limiter(m.tape.left, m.tape.right, m.tape.truePeak, m.frames, Math.pow(10, gainDb / 20), ceilingLin, lookahead, releaseFrames);
        int[] ints = new int[2 * BLOCK_FRAMES];
        MeterThread meter = format.lossy ? null : new MeterThread(m.sampleRate, false, 0);
        MeterThread peakMeter = format.lossy ? null : new MeterThread(m.sampleRate, true, checkLevel);
        try (AudioSink sink = Sinks.open(file, format, m.sampleRate, settings.output(), settings.tags())) {
            // Dither whenever the file's word is shorter than our float processing.
            Dither dither = sink.wantsIntegers() ? new Dither(sink.bits(), DITHER_SEED) : null;
            int done = 0;
            while (true) {
                // One spare slot: MeterThread.offer carries the frame count there.
                float[] block = new float[2 * BLOCK_FRAMES + 1];
                int n = limiter.process(block, BLOCK_FRAMES);
                if (n == 0) break;
                checkCancelled(cancelled);
                if (dither != null) {
                    dither.quantise(block, ints, 2 * n);
                    sink.writeInts(ints, n);
                    // The meter reads what the file holds: the dithered words.
                    for (int i = 0; i < 2 * n; i++) block[i] = ints[i] * 0x1.0p-31f;
                } else {
                    sink.writeFloats(block, n);
                }
                if (meter != null) {
                    meter.offer(block, n);
                    peakMeter.offer(block, n);
                }
                done += n;
                progress.update("writing", 0.85 + 0.13 * done / m.frames);
            }
        } finally {
            if (meter != null) {
                meter.finish();
                peakMeter.finish();
            }
        }
        if (meter == null) return new Written(null, limiter.maxReductionDb());
        double truePeak = peakMeter.truePeak();
        if (Double.isNaN(truePeak)) truePeak = truePeakOf(file);
        return new Written(meter.figures().withTruePeak(truePeak), limiter.maxReductionDb());
    }

    /** libebur128's true peak of a whole file (linear). */
    private static double truePeakOf(Path file) throws IOException {
        try (SoundFileReader r = SoundFileReader.open(file);
             TruePeakMeter meter = new TruePeakMeter(ChannelLayout.STEREO, r.sampleRate())) {
            float[] block = new float[BLOCK_FRAMES * r.channels()];
            int n;
            while ((n = r.read(block, BLOCK_FRAMES)) > 0) meter.add(block, n);
            return meter.truePeak();
        }
    }

    /**
     * Measures the output on its own thread while the render thread limits, dithers and writes:
     * either everything but the true peak, or libebur128's true peak alone (the costliest part,
     * so the two share the cores with the render thread). Blocks pass through a bounded queue
     * (the render thread hands each block over and never touches it again; both meters only
     * read it); an empty block ends the stream.
     */
    private static final class MeterThread {
        private final java.util.concurrent.ArrayBlockingQueue<float[]> queue = new java.util.concurrent.ArrayBlockingQueue<>(64);
        private final Thread thread;
        // Written by the meter thread before it ends; read by the render thread after join().
        private LoudnessFigures figures;
        private double truePeak;
        private RuntimeException failure;

        /** @param checkLevel with {@code truePeakOnly}: the level above which the true peak must be exact (GatedTruePeak) */
        MeterThread(int rate, boolean truePeakOnly, double checkLevel) {
            thread = new Thread(() -> {
                try (LoudnessMeter meter = truePeakOnly ? null : new LoudnessMeter(ChannelLayout.STEREO, rate, true, false);
                     GatedTruePeak peak = truePeakOnly ? new GatedTruePeak(ChannelLayout.STEREO, rate, checkLevel) : null) {
                    while (true) {
                        float[] b = queue.take();
                        if (b.length == 0) break;
                        int frames = Float.floatToRawIntBits(b[b.length - 1]);
                        if (meter != null) meter.add(b, frames);
                        else peak.add(b, frames);
                    }
                    if (meter != null) figures = meter.figures();
                    else truePeak = peak.finish();
                } catch (InterruptedException e) {
                    failure = new CancellationException("render interrupted");
                } catch (RuntimeException e) {
                    failure = e;
                }
            }, truePeakOnly ? "render-peak-meter" : "render-meter");
            thread.setDaemon(true);
            thread.start();
        }

        /** Hands over {@code block} (its last slot carries the frame count). */
        void offer(float[] block, int frames) {
            float[] b = block.length > 2 * frames ? block : java.util.Arrays.copyOf(block, 2 * frames + 1);
            // The second meter gets the block already marked; it only reads it then.
            if (Float.floatToRawIntBits(b[b.length - 1]) != frames) b[b.length - 1] = Float.intBitsToFloat(frames);
            try {
                queue.put(b);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("render interrupted");
            }
        }

        void finish() {
            try {
                queue.put(new float[0]);
                thread.join();
            } catch (InterruptedException e) {
                thread.interrupt();
                Thread.currentThread().interrupt();
                throw new CancellationException("render interrupted");
            }
        }

        LoudnessFigures figures() {
            if (failure != null) throw failure;
            return figures;
        }

        /** Linear; NaN when only known to be at most the check level. */
        double truePeak() {
            if (failure != null) throw failure;
            return truePeak;
        }
    }

    private static LoudnessFigures measureFile(Path file) throws IOException {
        return org.taperoom.appliance.loudness.FileLoudness.measure(file);
    }

    private static void checkCancelled(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) throw new CancellationException("render cancelled");
    }
}
