package org.taperoom.appliance.recording.capture;

/**
 * A reader's copy of the meters: per channel the peak and RMS since the previous period, in dBFS
 * (-infinity for digital silence), and whether the channel clipped. Allocated once by the reader
 * and refilled by {@link Recorder#readMeters}; not shared between threads.
 */
public final class MeterSnapshot {
    public final float[] peakDbfs;
    public final float[] rmsDbfs;
    public final boolean[] clipped;
    /**
     * Per channel, the periods that clipped since the engine started: monotonic, so a reader that
     * polls less often than once a period (LEDs, the panel at 30 Hz) still sees every clip by
     * comparing with its previous copy.
     */
    public final long[] clipCounts;
    /** Capture position (frames since the engine started) of the period these figures belong to. */
    public long framePosition;

    public MeterSnapshot(int channels) {
        peakDbfs = new float[channels];
        rmsDbfs = new float[channels];
        clipped = new boolean[channels];
        clipCounts = new long[channels];
    }

    public int channels() {
        return peakDbfs.length;
    }
}
