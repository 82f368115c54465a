package org.taperoom.appliance.dsp.render;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import org.taperoom.appliance.dsp.loudness.ChannelLayout;
import org.taperoom.appliance.dsp.loudness.LoudnessFigures;
import org.taperoom.appliance.dsp.loudness.LoudnessMeter;
import org.taperoom.appliance.dsp.master.TruePeakTracker;

/**
 * Measures a render's output on its own thread while the render thread limits, dithers and
 * writes: loudness with libebur128 (everything, or only the integrated loudness for a
 * normalisation pass) and, for everything, the true peak with the limiter's envelope
 * ({@link TruePeakTracker}): libebur128's own interpolator, vectorised, at a fraction of the cost
 * of libebur128's true-peak mode.
 *
 * <p>Blocks go round between the two threads through two queues: the render thread takes an
 * empty block, fills it and hands it over ({@link #full}); the meter thread reads it and gives it
 * back ({@link #empty}). A block belongs to one thread at a time; the queues order the handover.
 */
final class OutputMeter {
    private static final int BLOCKS = 16;
    private static final float[] END = new float[0];
    private final BlockingQueue<float[]> empty = new ArrayBlockingQueue<>(BLOCKS);
    private final BlockingQueue<float[]> full = new ArrayBlockingQueue<>(BLOCKS + 1);
    private final Thread thread;
    private final boolean everything;
    // Written by the meter thread before it ends; read by the render thread after join().
    private LoudnessFigures figures;
    private Double integratedLufs;
    private double truePeak;
    private RuntimeException failure;

    /** @param everything all the figures with the true peak; false: the integrated loudness alone */
    OutputMeter(int rateHz, boolean everything) {
        this.everything = everything;
        for (int i = 0; i < BLOCKS; i++) empty.add(new float[2 * Renderer.BLOCK_FRAMES + 1]);
        thread = new Thread(() -> measure(rateHz), everything ? "render-meter" : "render-pass-meter");
        thread.setDaemon(true);
        thread.start();
    }

    private void measure(int rateHz) {
        try (LoudnessMeter meter = new LoudnessMeter(ChannelLayout.STEREO, rateHz, everything, false)) {
            TruePeakTracker peak = everything ? new TruePeakTracker(rateHz) : null;
            while (true) {
                float[] b = full.take();
                if (b == END) break;
                int frames = Float.floatToRawIntBits(b[b.length - 1]);
                meter.add(b, frames);
                if (peak != null) peak.add(b, frames);
                empty.put(b);
            }
            if (everything) {
                figures = meter.figures();
                truePeak = peak.truePeak();
            } else {
                integratedLufs = meter.integratedLufs();
            }
        } catch (InterruptedException e) {
            failure = new CancellationException("render interrupted");
        } catch (RuntimeException e) {
            failure = e;
            drain();
        }
    }

    /** After a failure: keeps blocks going round so the render thread never waits for one; it learns of the failure at {@link #finish}. */
    private void drain() {
        try {
            float[] b;
            while ((b = full.take()) != END) empty.put(b);
        } catch (InterruptedException e) {
            // stop() after the render gave up.
        }
    }

    /** An empty block of {@code 2 * BLOCK_FRAMES} interleaved samples (and a slot for the count), to fill and hand over. */
    float[] block() {
        try {
            return empty.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("render interrupted");
        }
    }

    /** Hands over a block from {@link #block()} holding {@code frames} frames; the caller must not touch it again. */
    void offer(float[] block, int frames) {
        block[block.length - 1] = Float.intBitsToFloat(frames);
        try {
            full.put(block);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("render interrupted");
        }
    }

    /** Ends the stream and waits for the figures. */
    void finish() {
        try {
            full.put(END);
            thread.join();
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
            throw new CancellationException("render interrupted");
        }
        if (failure != null) throw failure;
    }

    /** Ends the meter thread if it still runs (the render failed or was cancelled before {@link #finish}). */
    void stop() {
        thread.interrupt();
    }

    /** After {@link #finish}: the figures with the output's true peak. */
    LoudnessFigures figures() {
        return figures.withTruePeak(truePeak);
    }

    /** After {@link #finish} of an integrated-only meter; null below the gate. */
    Double integratedLufs() {
        return integratedLufs;
    }
}
