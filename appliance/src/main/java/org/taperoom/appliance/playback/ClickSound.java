package org.taperoom.appliance.playback;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * What a click sounds like. Each sound has three voices — the accent on beat one, a plain beat and
 * a subdivision tick — and every voice's first sample is its peak, so the onset of a click is the
 * very frame it is placed on whatever the sound. Musicians pick by what cuts through their
 * instrument in the headphones: a sine beep through guitars, a woodblock's knock through pads and
 * voices, a stick's noise crack through a full band.
 */
public enum ClickSound {
    /** Decaying sine bursts at 1760, 1320 and 880 Hz (accent, beat, tick): the classic electronic click. */
    BEEP,
    /** A woodblock's knock: three inharmonic modes (1, 2.76 and 5.40 times 1200, 900 and 700 Hz) dying fast. */
    WOOD,
    /** Drum sticks struck together: a crack of bright noise, 1 ms to fall 20 dB, the same for every voice but its level. */
    STICK;

    /** The sound's name on the command line, in the API and in the panel: beep, wood, stick. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException with one line naming the sounds there are */
    public static ClickSound parse(String id) {
        for (ClickSound s : values()) {
            if (s.id().equals(id)) return s;
        }
        throw new IllegalArgumentException("the click sound must be " + choices() + ", not " + id);
    }

    /** "beep, wood or stick". */
    public static String choices() {
        String all = Arrays.stream(values()).map(ClickSound::id).collect(Collectors.joining(", "));
        int last = all.lastIndexOf(", ");
        return all.substring(0, last) + " or " + all.substring(last + 2);
    }

    /** The voice of one kind of tick: 0 the accent, 1 a beat, 2 a subdivision. */
    float[] voice(int kind, double peak, int rateHz, int frames) {
        return switch (this) {
            case BEEP -> modes(new double[] {1760, 1320, 880}[kind], new double[] {1}, frames / 6.9, peak, rateHz, frames);
            case WOOD -> modes(new double[] {1200, 900, 700}[kind], new double[] {1, 2.76, 5.40}, frames / 12.0, peak, rateHz, frames);
            case STICK -> crack(peak, rateHz, frames);
        };
    }

    /**
     * Cosines of {@code ratios}·hz, each mode half as loud as the one before and dying twice as
     * fast, normalised so the first sample (all modes in phase) is {@code peak}; an exponential
     * decay of time constant {@code tauFrames} and a linear fade over the last tenth.
     */
    private static float[] modes(double hz, double[] ratios, double tauFrames, double peak, int rateHz, int frames) {
        float[] w = new float[frames];
        double sum = 0;
        for (int m = 0; m < ratios.length; m++) sum += Math.pow(0.5, m);
        int fade = Math.max(1, frames / 10);
        for (int i = 0; i < frames; i++) {
            double v = 0;
            for (int m = 0; m < ratios.length; m++) {
                v += Math.pow(0.5, m) * Math.exp(-i * (m + 1) / tauFrames) * Math.cos(2 * Math.PI * hz * ratios[m] * i / rateHz);
            }
            w[i] = (float) (peak * v / sum * Math.min(1.0, (frames - i) / (double) fade));
        }
        return w;
    }

    /**
     * A fixed noise burst (the same seed every time, so a click is the same click in every file
     * and test), differentiated once to brighten it, decaying 20 dB in about a millisecond; its
     * first sample is +{@code peak} and no later sample reaches it.
     */
    private static float[] crack(double peak, int rateHz, int frames) {
        float[] w = new float[frames];
        SplittableRandom noise = new SplittableRandom(0x7A9E_500DL);
        double tau = rateHz * 0.001 / Math.log(10);
        double previous = 0;
        for (int i = 1; i < frames; i++) {
            double white = noise.nextDouble(-1, 1);
            double bright = (white - previous) / 2;
            previous = white;
            w[i] = (float) (0.9 * peak * bright * Math.exp(-i / tau));
        }
        w[0] = (float) peak;
        return w;
    }
}
