package org.taperoom.appliance.song;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.taperoom.appliance.dsp.audiofile.SoundFileException;
import org.taperoom.appliance.dsp.audiofile.SoundFileReader;
import org.taperoom.appliance.dsp.loudness.ChannelLayout;
import org.taperoom.appliance.dsp.loudness.LoudnessMeter;
import org.taperoom.appliance.dsp.render.TakeTracks;

/**
 * Two recordings brought to one integrated loudness (EBU R128), so that a student's take and the
 * teacher's reference are compared as music, not as volume. Each is measured as it plays: one
 * track as mono (centre-panned at constant power, it measures the same in stereo), two tracks as
 * the left and right of a stereo pair (an imported stereo file's tracks are panned hard apart).
 * The common target is the quieter of the two, and never above {@value #MAX_TARGET_LUFS} LUFS:
 * neither recording is raised, so no gain pushes one into the output's limiter and changes it.
 */
public final class EqualLoudness {
    /** The loudest the pair plays at: EBU R128's programme level. */
    public static final double MAX_TARGET_LUFS = -23;
    private static final int BLOCK_FRAMES = 4800;

    /** One recording: its integrated loudness and the gain that brings it to the target. */
    public record Side(double integratedLufs, double gainDb) {}

    /** The target and each side's gain. */
    public record Match(double targetLufs, Side take, Side reference) {}

    private EqualLoudness() {}

    /** The gains that bring recordings of {@code takeLufs} and {@code referenceLufs} to one loudness. */
    public static Match of(double takeLufs, double referenceLufs) {
        double target = Math.min(MAX_TARGET_LUFS, Math.min(takeLufs, referenceLufs));
        return new Match(target, new Side(takeLufs, target - takeLufs), new Side(referenceLufs, target - referenceLufs));
    }

    /**
     * The integrated loudness of a take's tracks as they play (see the class comment).
     *
     * @throws SongException more than two tracks, tracks at different rates, or nothing loud enough to measure (silence)
     */
    public static double integratedLufs(TakeTracks tracks) throws IOException, SongException {
        int channels = tracks.tracks().size();
        if (channels > 2) throw new SongException(tracks.dir().getFileName() + " has " + channels + " tracks; a comparison takes one (mono) or two (stereo)");
        List<SoundFileReader> in = new ArrayList<>();
        try {
            for (TakeTracks.Track t : tracks.tracks()) in.add(SoundFileReader.open(t.file()));
            int rate = in.get(0).rateHz();
            for (SoundFileReader r : in) {
                if (r.rateHz() != rate || r.channels() != 1) throw new SongException(r.path().getFileName() + ": expected mono tracks at one rate");
            }
            try (LoudnessMeter meter = new LoudnessMeter(ChannelLayout.forChannels(channels), rate, false)) {
                float[] mono = new float[BLOCK_FRAMES];
                float[] interleaved = new float[BLOCK_FRAMES * channels];
                while (true) {
                    int longest = 0;
                    java.util.Arrays.fill(interleaved, 0f);
                    for (int c = 0; c < channels; c++) {
                        int n = in.get(c).read(mono, BLOCK_FRAMES);
                        for (int i = 0; i < n; i++) interleaved[i * channels + c] = mono[i];
                        longest = Math.max(longest, n);
                    }
                    if (longest <= 0) break;
                    meter.add(interleaved, longest);
                }
                Double lufs = meter.integratedLufs();
                if (lufs == null || lufs.isInfinite() || lufs.isNaN()) {
                    throw new SongException(tracks.dir().getFileName() + " is silent: nothing to match its loudness to");
                }
                return lufs;
            }
        } catch (SoundFileException e) {
            throw new SongException(e.getMessage());
        } finally {
            for (SoundFileReader r : in) r.close();
        }
    }
}
