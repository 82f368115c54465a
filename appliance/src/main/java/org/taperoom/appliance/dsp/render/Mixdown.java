package org.taperoom.appliance.dsp.render;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.taperoom.appliance.dsp.audiofile.SoundFileReader;
import org.taperoom.appliance.dsp.loudness.ChannelLayout;
import org.taperoom.appliance.dsp.loudness.LoudnessFigures;
import org.taperoom.appliance.dsp.loudness.LoudnessMeter;
import org.taperoom.appliance.dsp.master.MasterBus;
import org.taperoom.appliance.dsp.master.TruePeakEnvelope;
import org.taperoom.appliance.dsp.mix.Mixer;

/**
 * The mixing stage of a render and its analysis: every track through its strip, the sum and the
 * bus returns, the master bus, onto the {@link BusTape}; and behind it, the tape's true-peak
 * envelope and its loudness (the "before" figures). When it returns, the programme is on the
 * tape and analysed, ready for normalisation.
 *
 * <p>Work sharing, one round per block of {@link Renderer#BLOCK_FRAMES}: in round r the tracks
 * of block r, the master bus of block r-1 and the analysis of what the master wrote up to block
 * r-2 are independent tasks, taken in turn by every thread from one counter, so the serial parts
 * (sum and master bus, envelope, loudness) run beside the tracks instead of after them and no core
 * waits for another except at the end of a round. The master's task comes first: it is the
 * longest. The bytes do not depend on which thread ran what: each task's state is its own (a
 * strip, the master bus, the meter) and runs once a round, rounds are ordered by the barrier, and
 * the sum is in track order.
 *
 * <p>Threads: {@link #run} on the render thread, which takes tasks too, and {@code threads - 1}
 * workers started and ended by it. Task state is touched by one thread within a round; the
 * barrier between rounds orders it for the next.
 */
final class Mixdown {
    /**
     * The result: the programme on its tape, its figures but the true peak, its true peak as
     * libebur128 reads it and the largest value of the limiter's envelope (linear).
     */
    record Result(BusTape tape, int frames, int rateHz, LoudnessFigures before, float truePeak, float envelopePeak) {}

    private static final int MASTER_TASK = 0;
    private static final int ENVELOPE_TASK = 1;
    private static final int LOUDNESS_TASK = 2;
    private static final int FIRST_TRACK_TASK = 3;

    private final TrackWork[] work;
    private final Mixer mixer;
    private final MasterBus bus;
    private final BusTape tape;
    private final int frames;
    private final int rateHz;
    private final int blocks;
    private final int taskCount;

    // Master task state.
    private final double[][][] outs;
    private final MasterBlock masterBlock;
    private final float[] tapeL = new float[Renderer.BLOCK_FRAMES];
    private final float[] tapeR = new float[Renderer.BLOCK_FRAMES];

    // Envelope task state.
    private final TruePeakEnvelope envelope;
    private final BusTape.EnvelopeScratch scratch = new BusTape.EnvelopeScratch();
    private int envelopeDone;
    /** {libebur128's true peak, the envelope's largest value} so far. */
    private final float[] peaks = new float[2];

    // Loudness task state.
    private final LoudnessMeter meter;
    private final float[] meterL = new float[Renderer.BLOCK_FRAMES];
    private final float[] meterR = new float[Renderer.BLOCK_FRAMES];
    private final float[] meterBlock = new float[2 * Renderer.BLOCK_FRAMES];
    private int meterDone;

    // Round state: written by the barrier action, read by every thread after the barrier.
    private final AtomicInteger nextTask = new AtomicInteger();
    private int round;
    private boolean finished;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    /** Set by the render thread before it waits at the barrier; read by the barrier action. */
    private boolean cancelRequested;

    private Mixdown(List<SoundFileReader> readers, Mixer mixer, MasterBus bus, BusTape tape, int frames, int rateHz) {
        this.mixer = mixer;
        this.bus = bus;
        this.tape = tape;
        this.frames = frames;
        this.rateHz = rateHz;
        this.blocks = (frames + Renderer.BLOCK_FRAMES - 1) / Renderer.BLOCK_FRAMES;
        this.work = new TrackWork[readers.size()];
        for (int t = 0; t < work.length; t++) work[t] = new TrackWork(readers.get(t), mixer, t);
        this.outs = new double[work.length][][];
        this.masterBlock = new MasterBlock(mixer, bus, Renderer.BLOCK_FRAMES);
        this.taskCount = FIRST_TRACK_TASK + work.length;
        this.meter = new LoudnessMeter(ChannelLayout.STEREO, rateHz, true, false);
        this.envelope = TruePeakEnvelope.forRate(rateHz);
    }

    /**
     * Mixes the tracks of {@code readers} (already configured in {@code mixer} and {@code bus})
     * onto {@code tape} with {@code threads} threads in all, the caller's included.
     */
    static Result run(List<SoundFileReader> readers, Mixer mixer, MasterBus bus, BusTape tape, int frames, int rateHz,
                      int threads, RenderProgress progress, BooleanSupplier cancelled) throws IOException {
        Mixdown m = new Mixdown(readers, mixer, bus, tape, frames, rateHz);
        try {
            return m.mix(Math.max(1, Math.min(threads, m.taskCount)), progress, cancelled);
        } finally {
            m.meter.close();
        }
    }

    private Result mix(int threads, RenderProgress progress, BooleanSupplier cancelled) throws IOException {
        CyclicBarrier barrier = new CyclicBarrier(threads, this::nextRound);
        List<Thread> workers = new ArrayList<>();
        for (int i = 1; i < threads; i++) {
            Thread t = new Thread(() -> work(barrier), "render-worker-" + i);
            t.setDaemon(true);
            workers.add(t);
            t.start();
        }
        try {
            while (true) {
                cancelRequested = cancelled.getAsBoolean();
                runTasks();
                barrier.await();
                if (finished) break;
                progress.update("mixing", 0.70 * Math.min(1.0, (double) round * Renderer.BLOCK_FRAMES / frames));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            barrier.reset();
            throw new CancellationException("render interrupted");
        } catch (BrokenBarrierException e) {
            failure.compareAndSet(null, e);
        } finally {
            for (Thread t : workers) joinQuietly(t, barrier);
        }
        rethrowFailure();
        if (cancelRequested) throw new CancellationException("render cancelled");
        return new Result(tape, frames, rateHz, meter.figures(), peaks[0], peaks[1]);
    }

    private void rethrowFailure() throws IOException {
        Throwable e = failure.get();
        if (e == null) return;
        if (e instanceof IOException io) throw io;
        if (e instanceof RuntimeException re) throw re;
        if (e instanceof Error err) throw err;
        throw new IOException(e);
    }

    /** A worker's life: tasks, barrier, until the last round. */
    private void work(CyclicBarrier barrier) {
        try {
            while (true) {
                runTasks();
                barrier.await();
                if (finished) return;
            }
        } catch (InterruptedException | BrokenBarrierException e) {
            // The render thread gave up (cancelled, interrupted or failed): nothing left to do.
        }
    }

    private static void joinQuietly(Thread t, CyclicBarrier barrier) {
        try {
            t.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (t.isAlive()) barrier.reset();
    }

    /** Takes this round's tasks from the counter until none is left; a failure is kept for the render thread. */
    private void runTasks() {
        int task;
        while ((task = nextTask.getAndIncrement()) < taskCount) {
            try {
                runTask(task);
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            }
        }
    }

    /** Barrier action: the last thread to arrive opens the next round, or ends the stage. */
    private void nextRound() {
        round++;
        // Round blocks + 1 analyses the last block; after it there is nothing left.
        finished = round > blocks + 1 || failure.get() != null || cancelRequested;
        nextTask.set(0);
    }

    private void runTask(int task) throws IOException {
        int r = round;
        if (task == MASTER_TASK) {
            if (r >= 1 && r - 1 < blocks) master(r - 1);
        } else if (task == ENVELOPE_TASK) {
            envelopeUpTo(analysable(r));
        } else if (task == LOUDNESS_TASK) {
            loudnessUpTo(analysable(r));
        } else if (r < blocks) {
            TrackWork w = work[task - FIRST_TRACK_TASK];
            w.run(r & 1, framesOf(r));
        }
    }

    private int framesOf(int block) {
        return Math.min(Renderer.BLOCK_FRAMES, frames - block * Renderer.BLOCK_FRAMES);
    }

    /** Frames on the tape when round r starts: the master wrote blocks 0 .. r-2. */
    private int analysable(int r) {
        return r - 1 >= blocks ? frames : Math.max(0, (r - 1) * Renderer.BLOCK_FRAMES);
    }

    private void master(int block) {
        int n = framesOf(block);
        int parity = block & 1;
        for (int t = 0; t < work.length; t++) outs[t] = work[t].silent[parity] ? null : work[t].outs[parity];
        masterBlock.process(outs, n, tapeL, tapeR);
        tape.put(block * Renderer.BLOCK_FRAMES, tapeL, tapeR, n);
    }

    /** The envelope reads ahead: it runs its reach behind what is on the tape. */
    private void envelopeUpTo(int onTape) {
        int to = onTape == frames ? frames : Math.max(envelopeDone, onTape - TruePeakEnvelope.REACH);
        if (to <= envelopeDone) return;
        tape.computeTruePeak(envelope, envelopeDone, to, scratch, peaks);
        envelopeDone = to;
    }

    private void loudnessUpTo(int onTape) {
        while (meterDone < onTape) {
            int n = Math.min(Renderer.BLOCK_FRAMES, onTape - meterDone);
            tape.interleave(meterDone, n, meterL, meterR, meterBlock);
            meter.add(meterBlock, n);
            meterDone += n;
        }
    }

    /**
     * One track's block: read, convert to mono doubles, process through its strip into the outputs
     * of the block's parity (the master reads the other parity's, of the block before, meanwhile).
     * Run by one thread a round.
     */
    private static final class TrackWork {
        final SoundFileReader reader;
        final Mixer mixer;
        final int track;
        final float[] raw;
        final double[] mono = new double[Renderer.BLOCK_FRAMES];
        /** outs[parity] = {left, right, reverb send, delay send}. */
        final double[][][] outs = new double[2][4][Renderer.BLOCK_FRAMES];
        final boolean[] silent = new boolean[2];
        boolean ended;

        TrackWork(SoundFileReader reader, Mixer mixer, int track) {
            this.reader = reader;
            this.mixer = mixer;
            this.track = track;
            this.raw = new float[Renderer.BLOCK_FRAMES * reader.channels()];
        }

        void run(int parity, int frames) throws IOException {
            int got = 0;
            while (!ended && got < frames) {
                int n = reader.read(raw, frames - got);
                if (n == 0) {
                    ended = true;
                    break;
                }
                TrackBlock.toMono(raw, reader.channels(), mono, got, n);
                got += n;
            }
            java.util.Arrays.fill(mono, got, frames, 0);
            silent[parity] = TrackBlock.strip(mixer, track, mono, frames, outs[parity]);
        }
    }
}
