package org.taperoom.drivers.alsa;

/** {@code snd_pcm_stream_t}: which way the samples flow. */
enum PcmDirection {
    PLAYBACK(AlsaLibrary.SND_PCM_STREAM_PLAYBACK, "playback"),
    CAPTURE(AlsaLibrary.SND_PCM_STREAM_CAPTURE, "capture");

    final int alsaValue;
    final String word;

    PcmDirection(int alsaValue, String word) {
        this.alsaValue = alsaValue;
        this.word = word;
    }
}
