package org.taperoom.drivers.sim;

import java.util.Locale;

/**
 * The deterministic test signals of the simulated interface. Every sample is a pure function of
 * (signal, channel, frame, rate, resolution, gain), so a test can compute what a recording must
 * hold with {@link #sample} and compare it bit for bit.
 *
 * <ul>
 *   <li>{@code sine}: a sine at {@code 100 + 25·c} Hz on channel {@code c} (0-based), -6 dBFS.
 *       The cycle is {@code round(rate / f)} frames, so the frequency is that nominal value to
 *       within a fraction of a percent and the cycle can be tabulated exactly.</li>
 *   <li>{@code noise}: white noise at -12 dBFS from a counter-based generator (SplitMix64 of
 *       seed, channel and frame), so any frame can be computed without replaying the sequence.</li>
 *   <li>{@code silence}: digital zero.</li>
 *   <li>{@code impulse}: one sample at -1 dBFS every half second (at frames that are multiples of
 *       {@code rate / 2}), zero elsewhere.</li>
 *   <li>{@code index}: the running device frame index {@code n + 1000·c}, modulo
 *       {@code 2^(bits-1)}, as the integer sample value at the stream's resolution (so 0, 1, 2, …
 *       in the file's own units): a gap or a repeat anywhere shows as a step other than +1.
 *       Gain does not apply to it.</li>
 *   <li>{@code band}: the demo band ({@link DemoBand}), a looping multitrack song: channel 1 drums,
 *       2 bass, 3 keys, 4 a vocal-like lead, 5 and 6 the room (left, right); channel c plays part
 *       {@code c % 6}.</li>
 *   <li>{@code tone}: a sine of any frequency (device option {@code sine=HZ}, default 440 Hz) on
 *       every channel, -6 dBFS, its phase at frame n exactly {@code n·hz/rate} cycles: something
 *       to tune to.</li>
 * </ul>
 *
 * Samples are produced at the resolution of the stream's format (16 bits for S16_LE, 24 for
 * S24_3LE, S24_LE and FLOAT_LE (a float holds 24 significant bits exactly), 32 for S32_LE) and
 * returned left-justified in an int, as {@link org.taperoom.drivers.audio.SampleFormat} says.
 */
public enum SimSignal {
    SINE, NOISE, SILENCE, IMPULSE, INDEX, BAND, TONE;

    /** The frequency of {@code tone} when the device name does not say one. */
    public static final double DEFAULT_TONE_HZ = 440;

    /** Amplitude of the sine, as a fraction of full scale (-6 dBFS). */
    public static final double SINE_AMPLITUDE = 0.5;
    /** Amplitude of the noise (-12 dBFS peak). */
    public static final double NOISE_AMPLITUDE = 0.25;
    /** Height of an impulse (about -1 dBFS). */
    public static final double IMPULSE_AMPLITUDE = 0.89;

    /** The name used in device options and on the command line. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name; null when unknown. */
    public static SimSignal parse(String text) {
        for (SimSignal s : values()) if (s.wireName().equalsIgnoreCase(text.trim())) return s;
        return null;
    }

    /** Nominal sine frequency of channel {@code c} (0-based). */
    public static double sineHz(int channel) {
        return 100 + 25.0 * channel;
    }

    /** Frames in one sine cycle of channel {@code c} at {@code rateHz}. */
    public static int sineCycleFrames(int channel, int rateHz) {
        return (int) Math.round(rateHz / sineHz(channel));
    }

    /** The sine's value (before gain and quantization) at position {@code k} of its cycle. */
    static double sineAt(int k, int cycleFrames) {
        return SINE_AMPLITUDE * StrictMath.sin(2 * Math.PI * k / cycleFrames);
    }

    /**
     * The sample a simulated stream delivers for channel {@code channel} (0-based) at device frame
     * {@code frame}: left-justified S32 at {@code bits} (16, 24 or 32) of resolution.
     *
     * @param seed the noise seed of the stream ({@link SimOptions#seed()})
     * @param gain the linear gain in effect on that channel (1 for none)
     */
    public static int sample(SimSignal signal, int channel, long frame, int rateHz, int bits, long seed, double gain) {
        return sample(signal, channel, frame, rateHz, bits, seed, gain, DEFAULT_TONE_HZ);
    }

    /** As {@link #sample(SimSignal, int, long, int, int, long, double)}, with {@code tone} at {@code toneHz}. */
    public static int sample(SimSignal signal, int channel, long frame, int rateHz, int bits, long seed, double gain, double toneHz) {
        return switch (signal) {
            case SINE -> {
                int cycle = sineCycleFrames(channel, rateHz);
                yield quantize(sineAt((int) (frame % cycle), cycle) * gain, bits);
            }
            case NOISE -> quantize(noiseAt(seed, channel, frame) * gain, bits);
            case SILENCE -> 0;
            case IMPULSE -> frame % (rateHz / 2) == 0 ? quantize(IMPULSE_AMPLITUDE * gain, bits) : 0;
            case INDEX -> index(channel, frame, bits);
            case BAND -> quantize(DemoBand.sample(channel, frame, rateHz) * gain, bits);
            case TONE -> quantize(toneAt(frame, rateHz, toneHz) * gain, bits);
        };
    }

    /** The tone's value at {@code frame}: the cycle count split so that its fraction stays exact over days. */
    static double toneAt(long frame, int rateHz, double hz) {
        double whole = (frame / rateHz) * hz;
        double cycles = (whole - Math.floor(whole)) + (frame % rateHz) * hz / rateHz;
        // Math.sin, not StrictMath: the latter allocates for its argument reduction, on the capture thread.
        return SINE_AMPLITUDE * Math.sin(2 * Math.PI * (cycles - Math.floor(cycles)));
    }

    static int index(int channel, long frame, int bits) {
        long modulus = 1L << (bits - 1);
        long v = Math.floorMod(frame + 1000L * channel, modulus);
        return (int) (v << (32 - bits));
    }

    /** The sample value an {@code index} signal has in a file of {@code bits} resolution, unshifted. */
    public static long indexValue(int channel, long frame, int bits) {
        return Math.floorMod(frame + 1000L * channel, 1L << (bits - 1));
    }

    static double noiseAt(long seed, int channel, long frame) {
        long z = seed + 0x9E3779B97F4A7C15L * (frame + 1) + 0xD1B54A32D192ED03L * (channel + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        double unit = (z >>> 11) * 0x1.0p-53; // [0, 1)
        return NOISE_AMPLITUDE * (2 * unit - 1);
    }

    /** Rounds {@code x} (full scale ±1) to {@code bits} and left-justifies it; clamps at full scale. */
    public static int quantize(double x, int bits) {
        double scale = bits == 32 ? 2147483648.0 : (double) (1L << (bits - 1));
        long max = bits == 32 ? Integer.MAX_VALUE : (1L << (bits - 1)) - 1;
        long min = -max - 1;
        long v = Math.round(x * scale);
        if (v > max) v = max;
        if (v < min) v = min;
        return (int) (v << (32 - bits));
    }
}
