package org.taperoom.appliance.dsp.analysis;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.taperoom.appliance.testing.TestAudio;

/**
 * Prints how long {@code taperoom analyze}'s music analysis takes on a 3-minute stereo 48 kHz
 * mix (a synthetic song, the left channel a little louder than the right). Not a test: run it
 * by hand after {@code mvn -q -pl appliance -am test-compile}, optionally with the
 * file path as the only argument to reuse one:
 * {@code java -cp <test classpath> org.taperoom.appliance.dsp.analysis.AnalysisCostBenchmark}.
 */
public final class AnalysisCostBenchmark {
    private AnalysisCostBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path wav = args.length > 0 ? Path.of(args[0]) : Files.createTempFile("taperoom-analysis-", ".wav");
        if (args.length == 0) {
            SyntheticSong.Song song = SyntheticSong.render(new SyntheticSong.Spec("bench", 112, 4, 9, true,
                    SyntheticSong.MINOR_PROGRESSIONS.get(0), 0, 0.02, 180, 48000, 42));
            float[] stereo = new float[song.samples().length * 2];
            for (int i = 0; i < song.samples().length; i++) {
                stereo[2 * i] = song.samples()[i] * 0.6f;
                stereo[2 * i + 1] = song.samples()[i] * 0.5f;
            }
            TestAudio.writeFloat(wav, 48000, 2, stereo);
        }
        for (int run = 0; run < 3; run++) {
            var threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            MusicAnalysis a = MusicAnalyzer.analyze(wav);
            long t1 = System.nanoTime();
            long c1 = threads.getCurrentThreadCpuTime();
            System.out.printf("run %d: %.2f s wall, %.2f s CPU of the analysing thread  (tempo %.2f BPM, %s, %s, %d chord spans)%n", run, (t1 - t0) / 1e9,
                    (c1 - c0) / 1e9, a.tempoBpm(), a.key(),
                    a.timeSignature(), a.chords().size());
        }
        System.out.println(wav + " " + List.of(Files.size(wav) / 1_000_000 + " MB"));
    }
}
