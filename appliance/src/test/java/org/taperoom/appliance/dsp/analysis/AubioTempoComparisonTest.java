package org.taperoom.appliance.dsp.analysis;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taperoom.appliance.testing.TestAudio;

/**
 * Our tempo beside {@code aubio tempo} (Debian aubio-tools) on the same files: a third of the songs
 * of the accuracy set (every third song), written as WAV. Prints where the two disagree; asserts only what is fair:
 * on steady-tempo songs, wherever aubio is within ±2 % of the truth, so are we.
 */
class AubioTempoComparisonTest {
    private static final Pattern BPM = Pattern.compile("([0-9.]+) bpm");

    @Test
    void onSteadySongsWeAreRightWhereverAubioIsRight(@TempDir Path dir) throws Exception {
        assumeTrue(onPath("aubio"), "aubio is not installed (Debian aubio-tools): comparison skipped");
        List<SyntheticSong.Spec> specs = SyntheticSong.testSet(22050, 20);
        int steady = 0, aubioRight = 0, oursRight = 0, weLose = 0;
        List<String> disagreements = new ArrayList<>();
        System.out.println("song                          true bpm   ours    aubio");
        for (int i = 0; i < specs.size(); i += 3) {
            SyntheticSong.Song song = SyntheticSong.render(specs.get(i));
            Path wav = dir.resolve(i + ".wav");
            float[] half = song.samples().clone();
            for (int k = 0; k < half.length; k++) half[k] *= 0.5f;
            TestAudio.writeMono24(wav, 22050, half);
            double truth = song.truth().tempoBpm();
            Double ours = MusicAnalyzer.analyze(wav).tempoBpm();
            Matcher m = BPM.matcher(TestAudio.run(List.of("aubio", "tempo", "-i", wav.toString())));
            double aubio = m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
            boolean oursOk = ours != null && Math.abs(ours / truth - 1) <= 0.02;
            boolean aubioOk = Math.abs(aubio / truth - 1) <= 0.02;
            String aubioRatio = String.format("×%.2f", aubio / truth);
            System.out.printf("%-28s %7.2f %7.2f %s %7.2f %s %s%n", specs.get(i).name(), truth, ours, oursOk ? "ok  " : "MISS", aubio, aubioOk ? "ok  " : "MISS", aubioRatio);
            if (oursOk != aubioOk) disagreements.add(specs.get(i).name().trim() + (oursOk ? ": aubio " : ": ours ") + "off (" + (oursOk ? aubio : ours) + ")");
            boolean isSteady = specs.get(i).driftFraction() == 0 && specs.get(i).rubato() == 0;
            if (isSteady) {
                steady++;
                if (aubioOk) aubioRight++;
                if (oursOk) oursRight++;
                if (aubioOk && !oursOk) weLose++;
            }
        }
        System.out.printf("steady songs: %d, aubio within ±2 %%: %d, ours: %d%n", steady, aubioRight, oursRight);
        System.out.println("disagreements: " + (disagreements.isEmpty() ? "none" : String.join("; ", disagreements)));
        assertTrue(weLose == 0, weLose + " steady songs where aubio is right and we are not");
    }

    private static boolean onPath(String program) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) if (Files.isExecutable(Path.of(d, program))) return true;
        return false;
    }
}
