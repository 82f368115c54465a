package org.taperoom.appliance.dsp.export;

import java.io.IOException;

/**
 * Where rendered stereo frames go. A sink takes either integers (left-justified 32-bit, already
 * dithered to {@link #bits()}) or floats, as {@link #wantsIntegers()} says. Not thread-safe.
 */
public interface AudioSink extends AutoCloseable {
    /** Word length of the file: 16 or 24 for integer PCM, 32 for float or lossy. */
    int bits();

    boolean wantsIntegers();

    void writeInts(int[] interleaved, int frames) throws IOException;

    void writeFloats(float[] interleaved, int frames) throws IOException;

    /** Finishes the file (headers, encoder flush). */
    @Override
    void close() throws IOException;
}
