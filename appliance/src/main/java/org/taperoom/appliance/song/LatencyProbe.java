package org.taperoom.appliance.song;

import java.util.ArrayList;
import java.util.List;
import org.taperoom.drivers.audio.AudioBackend;
import org.taperoom.drivers.audio.AudioDeviceException;
import org.taperoom.drivers.audio.CaptureStream;
import org.taperoom.drivers.audio.DuplexStreams;
import org.taperoom.drivers.audio.PlaybackStream;
import org.taperoom.drivers.audio.ReadStatus;
import org.taperoom.drivers.audio.StreamConfig;

/**
 * Measures a device's round trip through a loopback (a cable from an output to an input, or the
 * simulator's {@code loopback=FRAMES}): plays a maximum length sequence ({@link Mls}) several
 * times, each burst followed by silence longer than any plausible round trip, captures the input
 * meanwhile, and finds each burst's delay as the lag of the largest cross-correlation, to the
 * sample. Both streams are opened as one full-duplex pair, as the overdub opens them (linked where
 * the device allows: one start, one clock), and driven from one thread, a period written then a
 * period read once the output's buffer is full, so the frame counters of the two are the ones the
 * overdub places a pass with.
 */
public final class LatencyProbe {
    /** MLS order: 4095 frames, 85 ms at 48 kHz. */
    private static final int ORDER = 12;
    /** Level of the test signal, as a fraction of full scale (-12 dBFS): clear of any clipping. */
    private static final float LEVEL = 0.25f;

    /**
     * A measurement.
     *
     * @param roundTripFrames the median of the repeats' delays
     * @param spreadFrames    largest minus smallest delay over the repeats (0: every repeat agreed)
     * @param eachFrames      every repeat's delay, in order
     * @param peakToSideDb    how far the correlation's peak stands above its next largest value, dB (the weakest repeat)
     */
    public record Measurement(long roundTripFrames, long spreadFrames, List<Long> eachFrames, double peakToSideDb) {}

    private LatencyProbe() {}

    /**
     * The longest round trip worth looking for on a device run at {@code periodFrames} x
     * {@code bufferPeriods}: half a second, or a whole output buffer written ahead plus four
     * periods and 100 ms for the converters, the input's period and a USB interface's own
     * buffers, whichever is longer (a 32 x 1024-frame buffer alone holds 0.68 s).
     */
    public static int searchWindowFrames(int rateHz, int periodFrames, int bufferPeriods) {
        return Math.max(rateHz / 2, periodFrames * (bufferPeriods + 4) + rateHz / 10);
    }

    /**
     * @param outputChannel  the output (1-based) the signal leaves from
     * @param inputChannel   the input (1-based) it comes back to
     * @param inputChannels  channels to open the capture stream with (at least inputChannel)
     * @param maxRoundTripFrames the longest round trip looked for
     */
    public static Measurement measure(AudioBackend backend, String device, int rateHz, int periodFrames, int bufferPeriods,
                                      int outputChannel, int inputChannel, int inputChannels, int repeats, int maxRoundTripFrames)
            throws AudioDeviceException, SongException {
        byte[] mls = Mls.sequence(ORDER);
        int n = mls.length;
        int outChannels = Math.max(2, outputChannel);
        long lead = (long) (bufferPeriods + 1) * periodFrames;
        long stride = n + maxRoundTripFrames;
        long total = lead + repeats * stride + maxRoundTripFrames;
        if (total > Integer.MAX_VALUE / 2) throw new SongException("the measurement would be too long; lower the largest round trip");
        float[] captured = new float[(int) (total + periodFrames)];
        StreamConfig outConfig = new StreamConfig(outChannels, rateHz, periodFrames, bufferPeriods, null);
        StreamConfig inConfig = new StreamConfig(Math.max(inputChannel, inputChannels), rateHz, periodFrames, bufferPeriods, null);
        // Opened as the overdub opens them (one pair, linked where the device allows), so that the
        // delay measured is between the same two frame counters the overdub places a pass with.
        try (DuplexStreams pair = backend.openDuplex(device, inConfig, outConfig)) {
            PlaybackStream out = pair.playback();
            CaptureStream in = pair.capture();
            float[] period = new float[periodFrames * outChannels];
            int[] read = new int[periodFrames * in.config().channels()];
            int inStride = in.config().channels();
            in.start();
            out.start();
            // A linked pair starts when the output's buffer is full: the first read comes after
            // that many periods are written, then a period is written and one read in turn.
            long firstRead = (long) bufferPeriods - 1;
            for (long p = 0, readFrames = 0; readFrames < total; p++) {
                long frame = p * periodFrames;
                java.util.Arrays.fill(period, 0f);
                for (int f = 0; f < periodFrames; f++) {
                    long t = frame + f - lead;
                    if (t < 0 || t >= repeats * stride) continue;
                    long inBurst = t % stride;
                    if (inBurst < n) period[f * outChannels + outputChannel - 1] = LEVEL * mls[(int) inBurst];
                }
                ReadStatus w = out.writePeriod(period);
                if (w == ReadStatus.GONE) throw new AudioDeviceException("the output " + device + " disappeared");
                // An underrun shifts what follows only by the frames the device played as silence;
                // one that says it lost none keeps the counters in line, one that cannot say is a fault.
                if (w == ReadStatus.OVERRUN_RECOVERED && out.lastUnderrunLostFrames() != 0) {
                    throw new SongException("the output underran during the measurement; measure again (a larger --period helps)");
                }
                if (p < firstRead) continue;
                ReadStatus s = in.readPeriod(read);
                if (s == ReadStatus.GONE) throw new AudioDeviceException("the input " + device + " disappeared");
                if (s == ReadStatus.OVERRUN_RECOVERED) throw new SongException("the input overran during the measurement: frames were lost; measure again");
                for (int f = 0; f < periodFrames && readFrames + f < captured.length; f++) {
                    captured[(int) (readFrames + f)] = read[f * inStride + inputChannel - 1] * 0x1.0p-31f;
                }
                readFrames += periodFrames;
            }
        }
        List<Long> each = new ArrayList<>();
        double weakest = Double.POSITIVE_INFINITY;
        for (int k = 0; k < repeats; k++) {
            long burst = lead + k * stride;
            double best = -1;
            double second = 0;
            long at = -1;
            for (int lag = 0; lag <= maxRoundTripFrames; lag++) {
                double c = 0;
                int base = (int) (burst + lag);
                for (int i = 0; i < n; i++) c += mls[i] * captured[base + i];
                c = Math.abs(c);
                if (c > best) {
                    if (at >= 0 && Math.abs(lag - at) > 1) second = Math.max(second, best);
                    best = c;
                    at = lag;
                } else if (Math.abs(lag - at) > 1) {
                    second = Math.max(second, c);
                }
            }
            double ratioDb = 20 * Math.log10(best / Math.max(second, 1e-12));
            if (best < LEVEL * n * 0.01 || ratioDb < 6) {
                throw new SongException("no loopback found from output " + outputChannel + " to input " + inputChannel
                        + " within " + maxRoundTripFrames + " frames: connect a cable from that output to that input (or use sim:loopback=FRAMES)");
            }
            weakest = Math.min(weakest, ratioDb);
            each.add(at);
        }
        List<Long> sorted = new ArrayList<>(each);
        sorted.sort(null);
        return new Measurement(sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1) - sorted.get(0), each, weakest);
    }
}
