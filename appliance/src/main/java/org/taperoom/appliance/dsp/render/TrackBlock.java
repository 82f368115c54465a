package org.taperoom.appliance.dsp.render;

import org.taperoom.appliance.dsp.mix.Mixer;

/**
 * One track's part of a block, the same for the offline render ({@link Mixdown}) and the
 * playback engine: the track's frames as mono doubles, through its strip into its outputs. Both
 * call these, in blocks whose boundaries fall on the same frames modulo the compressor's control
 * span (multiples of 16 frames from the start), so with no parameter change the same take gives
 * the same bits live and offline.
 */
public final class TrackBlock {
    private TrackBlock() {}

    /**
     * Runs {@code mono[0..frames)} (modified in place) through track {@code track}'s strip into
     * {@code out} = {left, right, reverb send, delay send}; returns true, touching nothing, when
     * the strip is silent (muted or soloed away, no glide in progress).
     */
    public static boolean strip(Mixer mixer, int track, double[] mono, int frames, double[][] out) {
        if (mixer.strip(track).isSilent()) return true;
        mixer.strip(track).process(mono, frames, out[0], out[1], out[2], out[3]);
        return false;
    }

    /** Frames of a track file's interleaved floats to mono doubles: one channel as is, several averaged. */
    public static void toMono(float[] raw, int channels, double[] mono, int at, int n) {
        if (channels == 1) {
            for (int i = 0; i < n; i++) mono[at + i] = raw[i];
            return;
        }
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int c = 0; c < channels; c++) s += raw[i * channels + c];
            mono[at + i] = s / channels;
        }
    }
}
