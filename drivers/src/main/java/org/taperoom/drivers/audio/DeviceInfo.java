package org.taperoom.drivers.audio;

import java.util.List;

/**
 * What a device offers, as enumerated from the hardware parameters.
 *
 * @param name        the name to open it by (for ALSA {@code hw:CARD=<id>,DEV=<n>}; {@code sim} for the simulator)
 * @param longName    a human description (the card's long name)
 * @param capture     capture capabilities, or {@code null} if the device cannot capture
 * @param playback    playback capabilities, or {@code null} if it cannot play
 */
public record DeviceInfo(String name, String longName, Capabilities capture, Capabilities playback) {

    /** One direction's ranges. */
    public record Capabilities(int minChannels, int maxChannels, List<Integer> ratesHz, List<SampleFormat> formats) {
        public Capabilities {
            ratesHz = List.copyOf(ratesHz);
            formats = List.copyOf(formats);
        }
    }
}
