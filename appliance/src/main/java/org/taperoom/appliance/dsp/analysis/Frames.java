package org.taperoom.appliance.dsp.analysis;

/** Hann-windowed frames of a signal, every {@code hop} samples, as magnitude spectra. */
final class Frames {
    /** Receives frame {@code index}'s magnitudes (k = 0 … size/2); the array is reused. */
    interface Sink {
        void frame(int index, double[] magnitudes);
    }

    private Frames() {}

    /** Number of frames {@link #each} delivers: the first centred on sample 0, the last covering the end. */
    static int count(int samples, int hop) {
        return samples / hop + 1;
    }

    /** Frame {@code i} is centred on sample {@code i * hop}; samples outside the signal are zero. */
    static void each(float[] x, int size, int hop, Sink sink) {
        RealFft fft = new RealFft(size);
        double[] window = new double[size];
        for (int i = 0; i < size; i++) window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / size);
        double[] frame = new double[size];
        double[] mags = new double[size / 2 + 1];
        int n = count(x.length, hop);
        for (int f = 0; f < n; f++) {
            int start = f * hop - size / 2;
            if (start >= 0 && start + size <= x.length) {
                for (int i = 0; i < size; i++) frame[i] = x[start + i] * window[i];
            } else {
                for (int i = 0; i < size; i++) {
                    int j = start + i;
                    frame[i] = j >= 0 && j < x.length ? x[j] * window[i] : 0;
                }
            }
            fft.magnitudes(frame, mags);
            sink.frame(f, mags);
        }
    }
}
