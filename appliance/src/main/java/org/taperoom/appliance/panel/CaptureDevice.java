package org.taperoom.appliance.panel;

import java.util.List;

/**
 * An interface the panel's Settings page offers to record from (what {@code taperoom devices}
 * lists for capture).
 *
 * @param name        the name to set as {@code device}
 * @param description the interface as its driver describes it
 * @param minChannels fewest inputs it opens with
 * @param maxChannels most inputs it opens with
 * @param ratesHz     the sample rates it offers
 */
public record CaptureDevice(String name, String description, int minChannels, int maxChannels, List<Integer> ratesHz) {
    public CaptureDevice {
        ratesHz = List.copyOf(ratesHz);
    }
}
