package org.taperoom.appliance.dsp.render;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.taperoom.appliance.dsp.audiofile.SoundFileReader;
import org.taperoom.appliance.dsp.loudness.ChannelLayout;
import org.taperoom.appliance.dsp.loudness.LoudnessMeter;
import org.taperoom.appliance.dsp.mix.Biquad;
import org.taperoom.appliance.dsp.settings.Band;
import org.taperoom.appliance.dsp.settings.MixSettings;
import org.taperoom.appliance.dsp.settings.OutputSettings;
import org.taperoom.appliance.dsp.settings.Preset;
import org.taperoom.appliance.dsp.settings.RenderSettings;
import org.taperoom.appliance.dsp.settings.Tags;
import org.taperoom.appliance.dsp.settings.TrackSettings;

/**
 * The rough mix a band hears on their phones seconds after a take ends: every track brought to a
 * common loudness, a 100 Hz high-pass on everything that is not a bass or kick (by name, or
 * because most of its energy is below 150 Hz), mastered to the rehearsal reference (-18 LUFS,
 * -1 dBTP) and written as {@code renders/quick-mix.mp3}.
 *
 * <p>The engine's take-ended listener calls {@link #start}; the work (analysis and render) runs on
 * the {@link RenderService}'s background thread, never on the caller's.
 */
public final class QuickMix {
    public static final String FILE_NAME = "quick-mix.mp3";
    static final double TRACK_LUFS = -26;
    static final double HIGH_PASS_HZ = 100;
    private static final Pattern LOW_NAMES = Pattern.compile("(?i).*(bass|kick|bd|sub|808|tuba|contrabass).*");
    private final RenderService service;

    public QuickMix(RenderService service) {
        this.service = service;
    }

    /** Queues the quick mix of {@code take}; returns the job (poll or ignore it). */
    public RenderJob start(Path take) throws IOException {
        TakeTracks tracks = TakeTracks.find(take);
        Path file = take.resolve(RenderService.RENDERS_DIR).resolve(FILE_NAME);
        return service.submit(tracks, () -> settingsFor(tracks), file);
    }

    /**
     * Queues the quick mix of tracks placed on a timeline (a song's active passes, its lanes named
     * as strips) into {@code file}; returns the job.
     */
    public RenderJob start(TakeTracks tracks, Path file) {
        return service.submit(tracks, () -> settingsFor(tracks), file);
    }

    /** The quick mix's settings for a take: levels from each track's loudness, high-pass by name or content. */
    public static RenderSettings settingsFor(TakeTracks tracks) throws IOException {
        Map<String, TrackSettings> perTrack = new LinkedHashMap<>();
        int count = tracks.tracks().size();
        int index = 0;
        for (TakeTracks.Track t : tracks.tracks()) {
            Analysis a = analyse(t.file());
            double fader = a.integratedLufs == null ? Double.NEGATIVE_INFINITY : Math.min(12, TRACK_LUFS - a.integratedLufs);
            boolean low = LOW_NAMES.matcher(t.name()).matches() || a.lowEnergyShare > 0.5;
            TrackSettings s = TrackSettings.DEFAULT.withFaderDb(fader);
            if (!low) s = s.withEq(s.eq().withHighPass(new Band(true, HIGH_PASS_HZ, 0, 0.707)));
            // A gentle spread so parts do not pile up in the middle; low parts stay centred.
            if (!low && count > 2) s = s.withPan(((index % 2 == 0) ? -1 : 1) * 0.3 * Math.min(1, (index + 1) / (double) count * 2));
            perTrack.put(t.stem(), s);
            index++;
        }
        return new RenderSettings(MixSettings.DEFAULT.withTracks(perTrack),
                RenderSettings.DEFAULT.master().withPreset(Preset.REHEARSAL, Preset.REHEARSAL.targetLufs),
                new Tags(tracks.dir().getFileName().toString(), null, null, null, "Taperoom quick mix"),
                new OutputSettings("s24", 0.4, null));
    }

    record Analysis(Double integratedLufs, double lowEnergyShare) {}

    static Analysis analyse(Path file) throws IOException {
        try (SoundFileReader in = SoundFileReader.open(file);
             LoudnessMeter meter = new LoudnessMeter(ChannelLayout.MONO, in.rateHz(), false)) {
            int ch = in.channels();
            float[] buf = new float[4800 * ch];
            float[] mono = new float[4800];
            double[] low = new double[4800];
            Biquad lp1 = new Biquad();
            Biquad lp2 = new Biquad();
            Biquad.Coefficients c = Biquad.lowPass(in.rateHz(), 150, 0.707);
            lp1.set(c);
            lp2.set(c);
            double lowEnergy = 0;
            double allEnergy = 0;
            int n;
            while ((n = in.read(buf, 4800)) > 0) {
                for (int i = 0; i < n; i++) {
                    double s = 0;
                    for (int k = 0; k < ch; k++) s += buf[i * ch + k];
                    mono[i] = (float) (s / ch);
                    low[i] = mono[i];
                    allEnergy += mono[i] * (double) mono[i];
                }
                lp1.process(low, 0, n);
                lp2.process(low, 0, n);
                for (int i = 0; i < n; i++) lowEnergy += low[i] * low[i];
                meter.add(mono, n);
            }
            return new Analysis(meter.integratedLufs(), allEnergy > 0 ? lowEnergy / allEnergy : 0);
        }
    }
}
