package org.taperoom.drivers.alsa;

import org.taperoom.drivers.audio.SampleFormat;

/**
 * ALSA's {@code snd_pcm_format_t} values for the formats Taperoom negotiates, in the order it
 * prefers them when the caller leaves the choice to the device: the widest first, so nothing is lost.
 */
enum PcmFormat {
    S32_LE(10, SampleFormat.S32_LE),
    S24_3LE(32, SampleFormat.S24_3LE),
    S24_LE(6, SampleFormat.S24_LE),
    FLOAT_LE(14, SampleFormat.FLOAT_LE),
    S16_LE(2, SampleFormat.S16_LE);

    /** The C enum value ({@code SND_PCM_FORMAT_*} in pcm.h). */
    final int alsaValue;
    final SampleFormat sampleFormat;

    PcmFormat(int alsaValue, SampleFormat sampleFormat) {
        this.alsaValue = alsaValue;
        this.sampleFormat = sampleFormat;
    }

    static PcmFormat of(SampleFormat f) {
        for (PcmFormat p : values()) if (p.sampleFormat == f) return p;
        throw new IllegalArgumentException("no ALSA format for " + f);
    }
}
