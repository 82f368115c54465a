package org.taperoom.appliance.dsp.loudness;

/**
 * How interleaved channels map to BS.1770 weights. Mono is one front channel (weight 1.0), not dual
 * mono: a mono file at -23 dBFS RMS reads about -26 LUFS, as BS.1770 defines it.
 */
public enum ChannelLayout {
    MONO(Ebur128.EBUR128_LEFT),
    STEREO(Ebur128.EBUR128_LEFT, Ebur128.EBUR128_RIGHT),
    /** L R C Ls Rs (Tech 3341 case 6, 5 channels). */
    SURROUND_5_0(Ebur128.EBUR128_LEFT, Ebur128.EBUR128_RIGHT, Ebur128.EBUR128_CENTER,
            Ebur128.EBUR128_LEFT_SURROUND, Ebur128.EBUR128_RIGHT_SURROUND),
    /** L R C LFE Ls Rs (WAVE_FORMAT_EXTENSIBLE order); LFE does not count. */
    SURROUND_5_1(Ebur128.EBUR128_LEFT, Ebur128.EBUR128_RIGHT, Ebur128.EBUR128_CENTER, Ebur128.EBUR128_UNUSED,
            Ebur128.EBUR128_LEFT_SURROUND, Ebur128.EBUR128_RIGHT_SURROUND);

    private final int[] ebur128Channels;

    ChannelLayout(int... ebur128Channels) {
        this.ebur128Channels = ebur128Channels;
    }

    public int channels() {
        return ebur128Channels.length;
    }

    int ebur128Channel(int index) {
        return ebur128Channels[index];
    }

    /** The layout for a channel count, or an exception naming the counts that are supported. */
    public static ChannelLayout forChannels(int channels) {
        for (ChannelLayout l : values()) if (l.channels() == channels) return l;
        throw new IllegalArgumentException(channels + " channels: loudness is measured for 1 (mono), 2 (stereo), 5 (5.0) or 6 (5.1) channels");
    }
}
