package org.taperoom.drivers.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How the simulated interface behaves: which signal each channel carries, whether it is paced in
 * real time, and which faults it injects. Written as a device name for the command line:
 * {@code sim}, or {@code sim:signal=sine+index,unpaced,overrunAt=48000,overrunFrames=256,overrunEvery=480000,vanishAt=96000,hangAt=1000,seed=7};
 * {@code sim:sine=440.5} puts a tone of that frequency on every channel.
 *
 * @param signals       signals assigned to channels in turn (channel c gets {@code signals[c % size]})
 * @param paced         deliver periods in real time (true) or as fast as they are read (false)
 * @param seed          the noise seed
 * @param overrunAtFrame the first read starting at or after this device frame loses
 *                      {@code overrunFrames} frames before it and reports an overrun; -1 for none
 * @param overrunFrames frames lost by that overrun
 * @param vanishAtFrame the first read starting at or after this frame, and every later one, reports the device gone; -1 for none
 * @param hangAtFrame   the first read starting at or after this frame blocks until the stream is closed (a stuck driver); -1 for none
 * @param toneHz        the frequency of the {@code tone} signal
 */
public record SimOptions(List<SimSignal> signals, boolean paced, long seed, long overrunAtFrame, int overrunFrames,
                         long vanishAtFrame, long hangAtFrame, long overrunEveryFrames, double toneHz) {
    /** The lowest and highest tone the simulator plays (below Nyquist at its lowest rate). */
    public static final double MIN_TONE_HZ = 10;
    public static final double MAX_TONE_HZ = 20000;

    /** Options with the tone at its default frequency. */
    public SimOptions(List<SimSignal> signals, boolean paced, long seed, long overrunAtFrame, int overrunFrames,
                      long vanishAtFrame, long hangAtFrame, long overrunEveryFrames) {
        this(signals, paced, seed, overrunAtFrame, overrunFrames, vanishAtFrame, hangAtFrame, overrunEveryFrames, SimSignal.DEFAULT_TONE_HZ);
    }

    public SimOptions {
        if (!(toneHz >= MIN_TONE_HZ && toneHz <= MAX_TONE_HZ)) {
            throw new IllegalArgumentException("the simulator's tone must be " + (int) MIN_TONE_HZ + " to " + (int) MAX_TONE_HZ + " Hz, not " + toneHz);
        }
        signals = List.copyOf(signals);
        if (signals.isEmpty()) throw new IllegalArgumentException("at least one signal");
        if (overrunFrames < 0) throw new IllegalArgumentException("overrunFrames must not be negative");
        if (overrunEveryFrames < 0) throw new IllegalArgumentException("overrunEvery must not be negative");
    }

    /** A distinct sine per channel, paced, no faults. */
    public static SimOptions defaults() {
        return new SimOptions(List.of(SimSignal.SINE), true, 1, -1, 256, -1, -1, 0);
    }

    public SimOptions withSignals(SimSignal... s) {
        return new SimOptions(List.of(s), paced, seed, overrunAtFrame, overrunFrames, vanishAtFrame, hangAtFrame, overrunEveryFrames, toneHz);
    }

    public SimOptions withPaced(boolean p) {
        return new SimOptions(signals, p, seed, overrunAtFrame, overrunFrames, vanishAtFrame, hangAtFrame, overrunEveryFrames, toneHz);
    }

    public SimOptions withOverrun(long atFrame, int frames) {
        return new SimOptions(signals, paced, seed, atFrame, frames, vanishAtFrame, hangAtFrame, overrunEveryFrames, toneHz);
    }

    /** After the first overrun, another every {@code frames} device frames (0: only one). */
    public SimOptions withOverrunEvery(long frames) {
        return new SimOptions(signals, paced, seed, overrunAtFrame, overrunFrames, vanishAtFrame, hangAtFrame, frames, toneHz);
    }

    public SimOptions withVanishAt(long frame) {
        return new SimOptions(signals, paced, seed, overrunAtFrame, overrunFrames, frame, hangAtFrame, overrunEveryFrames, toneHz);
    }

    public SimOptions withHangAt(long frame) {
        return new SimOptions(signals, paced, seed, overrunAtFrame, overrunFrames, vanishAtFrame, frame, overrunEveryFrames, toneHz);
    }

    /** A tone of {@code hz} on every channel. */
    public SimOptions withTone(double hz) {
        return new SimOptions(List.of(SimSignal.TONE), paced, seed, overrunAtFrame, overrunFrames, vanishAtFrame, hangAtFrame, overrunEveryFrames, hz);
    }

    private static double toneHz(String value) {
        double hz;
        try {
            hz = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("simulator option sine needs a frequency in Hz (e.g. sine=440.5), not '" + value + "'");
        }
        if (!(hz >= MIN_TONE_HZ && hz <= MAX_TONE_HZ)) {
            throw new IllegalArgumentException("simulator option sine: " + value + " Hz is outside " + (int) MIN_TONE_HZ + " to " + (int) MAX_TONE_HZ + " Hz");
        }
        return hz;
    }

    /** The signal of channel {@code c} (0-based). */
    public SimSignal signalOf(int channel) {
        return signals.get(channel % signals.size());
    }

    /**
     * Applies the options written after {@code sim:} in a device name to {@code base}.
     *
     * @throws IllegalArgumentException with a one-line message naming the bad option
     */
    public static SimOptions parse(String deviceName, SimOptions base) {
        if (deviceName.equals(SimBackend.DEVICE_NAME)) return base;
        if (!deviceName.startsWith(SimBackend.DEVICE_NAME + ":")) {
            throw new IllegalArgumentException("not a simulated device: " + deviceName);
        }
        SimOptions o = base;
        for (String part : deviceName.substring(4).split(",")) {
            String p = part.trim();
            if (p.isEmpty()) continue;
            int eq = p.indexOf('=');
            String key = (eq < 0 ? p : p.substring(0, eq)).toLowerCase(Locale.ROOT);
            String value = eq < 0 ? "" : p.substring(eq + 1);
            try {
                o = switch (key) {
                    case "signal" -> new SimOptions(parseSignals(value), o.paced, o.seed, o.overrunAtFrame, o.overrunFrames, o.vanishAtFrame, o.hangAtFrame, o.overrunEveryFrames, o.toneHz);
                    case "paced" -> o.withPaced(true);
                    case "unpaced" -> o.withPaced(false);
                    case "seed" -> new SimOptions(o.signals, o.paced, Long.parseLong(value), o.overrunAtFrame, o.overrunFrames, o.vanishAtFrame, o.hangAtFrame, o.overrunEveryFrames, o.toneHz);
                    case "overrunat" -> o.withOverrun(Long.parseLong(value), o.overrunFrames);
                    case "overrunframes" -> o.withOverrun(o.overrunAtFrame, Integer.parseInt(value));
                    case "overrunevery" -> o.withOverrunEvery(Long.parseLong(value));
                    case "vanishat" -> o.withVanishAt(Long.parseLong(value));
                    case "hangat" -> o.withHangAt(Long.parseLong(value));
                    case "sine" -> o.withTone(toneHz(value));
                    default -> throw new IllegalArgumentException("unknown simulator option '" + key
                            + "'; known: signal, sine, paced, unpaced, seed, overrunAt, overrunFrames, overrunEvery, vanishAt, hangAt, loopback");
                };
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("simulator option " + key + " needs an integer, not '" + value + "'");
            }
        }
        return o;
    }

    /** Parses {@code sine}, {@code sine+index} (channels take them in turn) and so on. */
    public static List<SimSignal> parseSignals(String text) {
        List<SimSignal> out = new ArrayList<>();
        for (String name : text.split("[+/]")) {
            SimSignal s = SimSignal.parse(name);
            if (s == null) {
                throw new IllegalArgumentException("unknown signal '" + name + "'; known: sine, noise, silence, impulse, index, band, tone");
            }
            out.add(s);
        }
        return out;
    }
}
