package org.taperoom.appliance.playback;

/**
 * A sample-accurate metronome click: beat n (0-based) begins at exactly
 * {@link ClickSettings#beatFrame round(n·60·rate/bpm)} frames after the click's frame 0, and a
 * subdivision tick k of a beat split in s at round(k·60·rate/(bpm·s)); the first beat of every
 * bar is accented (full level; higher in pitch where the sound has one). The voice of each kind of
 * click, in the settings' {@link ClickSound}, is computed once in the constructor; {@link #mixInto} is a pure function of the frame
 * position, allocates nothing and takes no lock, so the playback thread calls it every period.
 * Immutable: a new tempo is a new source.
 */
public final class ClickSource {
    /** Length of one click, 15 ms: shorter than the closest ticks (300 BPM in fourths are 50 ms apart). */
    static final double CLICK_SECONDS = 0.015;

    private final ClickSettings settings;
    private final int rateHz;
    private final float[] accent;
    private final float[] beat;
    private final float[] tick;
    private final int clickFrames;
    private final int ticksPerBar;
    private final double ticksPerFrame;

    public ClickSource(ClickSettings settings, int rateHz) {
        this.settings = settings;
        this.rateHz = rateHz;
        this.clickFrames = (int) Math.round(CLICK_SECONDS * rateHz);
        double level = Math.pow(10, settings.levelDb() / 20);
        this.accent = settings.sound().voice(0, level, rateHz, clickFrames);
        this.beat = settings.sound().voice(1, level / 2, rateHz, clickFrames);
        this.tick = settings.sound().voice(2, level / 4, rateHz, clickFrames);
        this.ticksPerBar = settings.beatsPerBar() * settings.subdivisions();
        this.ticksPerFrame = settings.bpm() * settings.subdivisions() / (60.0 * rateHz);
    }

    public ClickSettings settings() {
        return settings;
    }

    public int rateHz() {
        return rateHz;
    }

    /** The frame tick {@code k} begins at; the beats' own formula where the tick is a beat, so beats never drift. */
    long tickFrame(long k) {
        int s = settings.subdivisions();
        if (k % s == 0) return settings.beatFrame(k / s, rateHz);
        return Math.round(k * 60.0 * rateHz / (settings.bpm() * s));
    }

    /**
     * Adds the click sounding in frames {@code [fromFrame, fromFrame + frames)} of the click's time
     * (frame 0: the first accent) to the first two channels of {@code interleaved}
     * ({@code channels} per frame). Frames before 0 are silent.
     */
    public void mixInto(float[] interleaved, int channels, long fromFrame, int frames) {
        mixInto(interleaved, channels, 0, fromFrame, frames);
    }

    /** As {@link #mixInto(float[], int, long, int)}, onto the two channels from {@code firstChannel} (0-based) on. */
    public void mixInto(float[] interleaved, int channels, int firstChannel, long fromFrame, int frames) {
        long end = fromFrame + frames;
        if (end <= 0) return;
        long k = Math.max(0, (long) Math.floor((fromFrame - clickFrames) * ticksPerFrame) - 1);
        int both = Math.min(channels - firstChannel, 2);
        for (;; k++) {
            long onset = tickFrame(k);
            if (onset >= end) break;
            if (onset + clickFrames <= fromFrame) continue;
            float[] wave = k % ticksPerBar == 0 ? accent : k % settings.subdivisions() == 0 ? beat : tick;
            long a = Math.max(fromFrame, onset);
            long b = Math.min(end, onset + clickFrames);
            for (long f = a; f < b; f++) {
                float v = wave[(int) (f - onset)];
                int at = (int) (f - fromFrame) * channels + firstChannel;
                for (int c = 0; c < both; c++) interleaved[at + c] += v;
            }
        }
    }
}
