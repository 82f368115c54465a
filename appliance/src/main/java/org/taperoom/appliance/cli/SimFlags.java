package org.taperoom.appliance.cli;

import java.util.List;
import org.taperoom.drivers.sim.SimOptions;

/** The simulator's flags, shared by the commands that can run on it. */
final class SimFlags {
    private SimFlags() {}

    static final List<Flag> FLAGS = List.of(
            Flag.value("signal", "LIST", "Simulator only: signals given to the channels in turn, joined by '+': sine, noise, silence, impulse, index, band (the demo band: 1 drums, 2 bass, 3 keys, 4 lead, 5-6 room; the demo's default); default sine: a distinct sine per channel."),
            Flag.toggle("unpaced", "Simulator only: deliver audio as fast as it is written instead of in real time."),
            Flag.value("overrun-at", "FRAME", "Simulator only: inject an overrun (a period of frames lost) at this device frame."),
            Flag.value("vanish-at", "FRAME", "Simulator only: the device disappears at this device frame."));

    /** Refuses the simulator's flags for a real device rather than ignoring them. */
    static void refuseFor(Args args, String deviceName) throws UsageException {
        for (Flag f : FLAGS) {
            if (args.has(f.name())) throw new UsageException("--" + f.name() + " applies to the simulated device only, not " + deviceName);
        }
    }

    /** The simulator options the flags and the device name ({@code sim:...}) ask for. */
    static SimOptions options(Args args, String deviceName, boolean pacedByDefault) throws UsageException {
        SimOptions o = SimOptions.defaults().withPaced(pacedByDefault && !args.has("unpaced"));
        try {
            if (args.has("signal")) o = o.withSignals(SimOptions.parseSignals(args.string("signal", "sine")).toArray(new org.taperoom.drivers.sim.SimSignal[0]));
            if (args.has("overrun-at")) o = o.withOverrun(args.integer("overrun-at", -1, 0, Long.MAX_VALUE), 256);
            if (args.has("vanish-at")) o = o.withVanishAt(args.integer("vanish-at", -1, 0, Long.MAX_VALUE));
            return SimOptions.parse(deviceName, o);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
