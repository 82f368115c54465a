package org.taperoom.appliance.dsp.loudness;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.taperoom.appliance.dsp.audiofile.SoundFileReader;
import org.taperoom.appliance.dsp.master.TruePeakTracker;

/**
 * The EBU's own loudness test set (v05), where someone has it: the cases LoudnessConformanceTest
 * cannot regenerate because they are published only as files (Tech 3341 cases 7 and 8, programme
 * material; 20 to 23, true peak at 0 dBTP; Tech 3342 cases 5 and 6) and the file versions of the
 * synthetic ones, with the published tolerances. The set may not be redistributed, so it is not
 * in this repository: download it from tech.ebu.ch/publications/ebu_loudness_test_set, unpack it,
 * and point {@code TAPEROOM_EBU_TEST_SET} at the folder. Without it the test is skipped, saying so.
 *
 * <p>Loudness and range are read the way `taperoom analyze` reads them (libebur128 through
 * {@link FileLoudness}); true peak both that way and with the render's own meter
 * ({@link TruePeakTracker}), which must give libebur128's reading.
 */
class EbuTestSetTest {
    private static Path set;

    @BeforeAll
    static void findTheSet() {
        String dir = System.getenv("TAPEROOM_EBU_TEST_SET");
        String reason = "EBU loudness test set not given: set TAPEROOM_EBU_TEST_SET to its unpacked folder to run these cases";
        if (dir == null || dir.isBlank()) System.out.println("skipped: " + reason);
        assumeTrue(dir != null && !dir.isBlank(), reason);
        set = Path.of(dir);
        assertTrue(Files.isDirectory(set), "TAPEROOM_EBU_TEST_SET=" + dir + " is not a folder");
    }

    /** The one file of the set whose name starts with {@code prefix}: the set's names carry bit depths and versions. */
    private static Path file(String prefix) throws IOException {
        try (Stream<Path> files = Files.list(set)) {
            List<Path> found = files.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList();
            assertTrue(!found.isEmpty(), "no file starting " + prefix + " in " + set + ": is it the v05 set?");
            return found.get(0);
        }
    }

    private static void within(List<String> failures, String what, Double measured, double expected, double below, double above) {
        if (measured == null || measured < expected - below || measured > expected + above) {
            failures.add(String.format("%s: %s, expected %.1f (-%.1f/+%.1f)", what, measured, expected, below, above));
        }
        System.out.printf("EBU test set %s: %s (expected %.1f)%n", what, measured, expected);
    }

    @Test
    void tech3341IntegratedLoudnessWithin01Lu() throws IOException {
        String[][] cases = {{"seq-3341-1-", "-23"}, {"seq-3341-2-", "-33"}, {"seq-3341-3-", "-23"}, {"seq-3341-4-", "-23"},
                {"seq-3341-5-", "-23"}, {"seq-3341-6-5channels", "-23"}, {"seq-3341-6-6channels", "-23"},
                {"seq-3341-7_", "-23"}, {"seq-3341-2011-8_", "-23"}};
        List<String> failures = new ArrayList<>();
        for (String[] c : cases) {
            LoudnessFigures f = FileLoudness.measure(file(c[0]));
            within(failures, c[0] + " integrated", f.integratedLufs(), Double.parseDouble(c[1]), 0.1, 0.1);
        }
        assertTrue(failures.isEmpty(), String.join("; ", failures));
    }

    @Test
    void tech3342LoudnessRangeWithin1Lu() throws IOException {
        String[][] cases = {{"seq-3342-1-", "10"}, {"seq-3342-2-", "5"}, {"seq-3342-3-", "20"}, {"seq-3342-4-", "15"},
                {"seq-3341-7_seq-3342-5", "5"}, {"seq-3341-2011-8_seq-3342-6", "15"}};
        List<String> failures = new ArrayList<>();
        for (String[] c : cases) {
            LoudnessFigures f = FileLoudness.measure(file(c[0]));
            within(failures, c[0] + " loudness range", f.loudnessRangeLu(), Double.parseDouble(c[1]), 1, 1);
        }
        assertTrue(failures.isEmpty(), String.join("; ", failures));
    }

    @Test
    void tech3341TruePeakWithinPlus02Minus04Db() throws IOException {
        double[] expected = {-6, -6, -6, -6, 3, 0, 0, 0, 0};
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < expected.length; i++) {
            String prefix = "seq-3341-" + (15 + i) + "-";
            Path f = file(prefix);
            within(failures, prefix + " true peak (libebur128)", FileLoudness.measure(f).truePeakDbtp(), expected[i], 0.4, 0.2);
            within(failures, prefix + " true peak (render meter)", renderMeterDbtp(f), expected[i], 0.4, 0.2);
        }
        assertTrue(failures.isEmpty(), String.join("; ", failures));
    }

    /** The true peak the render reports for a stereo file. */
    private static Double renderMeterDbtp(Path file) throws IOException {
        try (SoundFileReader in = SoundFileReader.open(file)) {
            assertTrue(in.channels() == 2, file + ": the true-peak cases are stereo");
            TruePeakTracker tracker = new TruePeakTracker(in.rateHz());
            float[] block = new float[2 * 4096];
            int n;
            while ((n = in.read(block, 4096)) > 0) tracker.add(block, n);
            double peak = tracker.truePeak();
            return peak > 0 ? 20 * Math.log10(peak) : null;
        }
    }
}
