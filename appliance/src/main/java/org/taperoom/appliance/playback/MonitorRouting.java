package org.taperoom.appliance.playback;

/**
 * How a pass is monitored: whether the monitor mix is on, the pair it goes to, and the live
 * inputs it adds to the song. Off (the default: many interfaces monitor directly), the song plays
 * on outputs 1-2 alone; the click, when asked for, still goes to the pair only.
 */
public record MonitorRouting(boolean on, MonitorOutputs outputs, MonitorMix mix) {
    public static final MonitorRouting OFF = new MonitorRouting(false, MonitorOutputs.MAIN, MonitorMix.OFF);

    /** The live inputs heard: the mix when on, else none. */
    public MonitorMix heard() {
        return on ? mix : MonitorMix.OFF;
    }

    /** The output channels a pass's stream needs: the pair's when the monitor or a click goes there. */
    public int channelsNeeded() {
        return outputs.channelsNeeded();
    }
}
