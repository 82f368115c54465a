package org.taperoom.appliance.dsp.mix;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.appliance.dsp.audiofile.SoundFileReader;
import org.taperoom.appliance.dsp.settings.Band;
import org.taperoom.appliance.dsp.settings.EqSettings;
import org.taperoom.appliance.testing.TestAudio;

/**
 * The EQ's magnitude response against ffmpeg's biquad filters (equalizer, highpass, lowshelf,
 * highshelf) with the same parameters: one impulse through ffmpeg and through our
 * {@link ParametricEq}, both responses evaluated by DFT from 20 Hz to 20 kHz, within 0.1 dB.
 */
class EqAgainstFfmpegTest {
    private static final int RATE = 48000;
    private static final int LENGTH = 16384;

    private static double[] impulse() {
        double[] x = new double[LENGTH];
        x[0] = 1;
        return x;
    }

    private static double magnitudeDb(double[] ir, double hz) {
        double re = 0;
        double im = 0;
        double w = 2 * Math.PI * hz / RATE;
        for (int n = 0; n < ir.length; n++) {
            re += ir[n] * Math.cos(w * n);
            im -= ir[n] * Math.sin(w * n);
        }
        return 10 * Math.log10(re * re + im * im);
    }

    private static double[] throughFfmpeg(Path dir, String filter) throws Exception {
        Path in = dir.resolve("impulse.wav");
        Path out = dir.resolve("out.wav");
        float[] x = new float[LENGTH];
        x[0] = 1;
        TestAudio.writeFloat(in, RATE, 1, x);
        TestAudio.run(List.of("ffmpeg", "-y", "-hide_banner", "-loglevel", "error", "-i", in.toString(), "-af", filter,
                "-c:a", "pcm_f32le", out.toString()));
        try (SoundFileReader r = SoundFileReader.open(out)) {
            float[] buf = new float[LENGTH];
            int n = r.read(buf, LENGTH);
            double[] ir = new double[LENGTH];
            for (int i = 0; i < n; i++) ir[i] = buf[i];
            return ir;
        }
    }

    private static double[] throughOurs(EqSettings eq) {
        ParametricEq p = new ParametricEq(RATE);
        p.configure(eq, true);
        double[] x = impulse();
        p.process(x, x.length);
        return x;
    }

    private static void assertSameResponse(Path dir, String filter, EqSettings eq) throws Exception {
        double[] theirs = throughFfmpeg(dir, filter);
        double[] ours = throughOurs(eq);
        List<String> off = new ArrayList<>();
        double worst = 0;
        for (double hz = 20; hz <= 20000; hz *= 1.05) {
            double d = Math.abs(magnitudeDb(ours, hz) - magnitudeDb(theirs, hz));
            worst = Math.max(worst, d);
            if (d > 0.1) off.add(String.format("%.0f Hz: %.3f dB apart", hz, d));
        }
        System.out.printf("EQ vs ffmpeg %s: worst difference %.4f dB%n", filter, worst);
        assertTrue(off.isEmpty(), filter + ": " + String.join(", ", off));
    }

    private static EqSettings only(Band highPass, Band low, Band p1, Band p2, Band high) {
        EqSettings f = EqSettings.FLAT;
        return new EqSettings(highPass != null ? highPass : f.highPass(), low != null ? low : f.lowShelf(),
                p1 != null ? p1 : f.peak1(), p2 != null ? p2 : f.peak2(), high != null ? high : f.highShelf());
    }

    @Test
    void peakingBoostMatchesFfmpegEqualizer(@TempDir Path dir) throws Exception {
        assertSameResponse(dir, "equalizer=f=1000:t=q:w=1.4:g=6", only(null, null, new Band(true, 1000, 6, 1.4), null, null));
    }

    @Test
    void narrowPeakingCutMatchesFfmpegEqualizer(@TempDir Path dir) throws Exception {
        assertSameResponse(dir, "equalizer=f=3150:t=q:w=4:g=-9", only(null, null, null, new Band(true, 3150, -9, 4), null));
    }

    @Test
    void highPassMatchesFfmpegHighpass(@TempDir Path dir) throws Exception {
        assertSameResponse(dir, "highpass=f=80:p=2:t=q:w=0.707", only(new Band(true, 80, 0, 0.707), null, null, null, null));
    }

    @Test
    void shelvesMatchFfmpegLowshelfAndHighshelf(@TempDir Path dir) throws Exception {
        assertSameResponse(dir, "lowshelf=f=120:t=q:w=0.707:g=4,highshelf=f=8000:t=q:w=0.707:g=-5",
                only(null, new Band(true, 120, 4, 0.707), null, null, new Band(true, 8000, -5, 0.707)));
    }

    @Test
    void aFullStripMatchesTheSameFfmpegChain(@TempDir Path dir) throws Exception {
        assertSameResponse(dir, "highpass=f=40:p=2:t=q:w=0.707,lowshelf=f=200:t=q:w=0.9:g=-3,equalizer=f=500:t=q:w=2:g=2.5,"
                        + "equalizer=f=4000:t=q:w=1:g=-4,highshelf=f=12000:t=q:w=0.707:g=3",
                new EqSettings(new Band(true, 40, 0, 0.707), new Band(true, 200, -3, 0.9), new Band(true, 500, 2.5, 2),
                        new Band(true, 4000, -4, 1), new Band(true, 12000, 3, 0.707)));
    }
}
