package org.taperoom.drivers.sim;

/**
 * What the simulated interface's outputs are given, for a test or a loopback to see: called on
 * the playback thread once per period, with the period's interleaved samples exactly as written
 * (floats at full scale 1.0, or left-justified S32). The arrays belong to the caller and are
 * reused: copy what must be kept, and allocate nothing where the playback thread's allocation is
 * being measured.
 */
public interface SimOutputs {
    /** A period written as floats; {@code frame} is the output frame of its first frame. */
    void floatPeriod(long frame, float[] interleaved, int frames, int channels);

    /** A period written as left-justified S32. */
    void intPeriod(long frame, int[] interleaved, int frames, int channels);

    /** Both {@code a} and {@code b}, in that order; either may be null. */
    static SimOutputs both(SimOutputs a, SimOutputs b) {
        if (a == null) return b;
        if (b == null) return a;
        return new SimOutputs() {
            @Override
            public void floatPeriod(long frame, float[] interleaved, int frames, int channels) {
                a.floatPeriod(frame, interleaved, frames, channels);
                b.floatPeriod(frame, interleaved, frames, channels);
            }

            @Override
            public void intPeriod(long frame, int[] interleaved, int frames, int channels) {
                a.intPeriod(frame, interleaved, frames, channels);
                b.intPeriod(frame, interleaved, frames, channels);
            }
        };
    }
}
