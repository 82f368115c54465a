package org.taperoom.appliance.control;

import java.util.ArrayList;
import java.util.List;
import org.tinylog.Logger;

/**
 * Which inputs a take records and auto-record listens to, what each is called (the track names of
 * the next take: file names, iXML, take.json), and which input the encoder has selected. Every
 * input starts armed and named {@code In N}. Thread-safe (the encoder, the panel and the control loop
 * share it); inputs are 1-based like {@link org.taperoom.appliance.recording.engine.TakeRequest#tracks()}.
 */
public final class InputArming {
    private final int inputs;
    /** Guarded by this. */
    private final boolean[] armed;
    /** Guarded by this; index 0 is input 1. */
    private final String[] names;
    /** Guarded by this; 1-based. */
    private int selected = 1;

    public InputArming(int inputs) {
        if (inputs < 1) throw new IllegalArgumentException("inputs must be at least 1, not " + inputs);
        this.inputs = inputs;
        this.armed = new boolean[inputs];
        java.util.Arrays.fill(armed, true);
        this.names = new String[inputs];
        for (int i = 0; i < inputs; i++) names[i] = "In " + (i + 1);
    }

    /** Names input {@code input} (1-based); the next take's track of that input carries the name. */
    public synchronized void setName(int input, String name) {
        if (input < 1 || input > inputs) throw new IllegalArgumentException("input " + input + " does not exist: expected 1 to " + inputs);
        if (name == null || name.isBlank()) throw new IllegalArgumentException("input " + input + ": a name needs at least one character");
        names[input - 1] = name.strip();
        Logger.info("input {} named '{}'", input, names[input - 1]);
    }

    public synchronized String name(int input) {
        return names[input - 1];
    }

    public int inputs() {
        return inputs;
    }

    /** Moves the selection by {@code detents}, wrapping around; returns the input now selected. */
    public synchronized int select(int detents) {
        selected = Math.floorMod(selected - 1 + detents, inputs) + 1;
        Logger.info("input {} selected (armed: {})", selected, armed[selected - 1]);
        return selected;
    }

    public synchronized int selected() {
        return selected;
    }

    /** Toggles the selected input's arming; returns whether it is armed now. */
    public synchronized boolean toggleSelected() {
        return setArmed(selected, !armed[selected - 1]);
    }

    public synchronized boolean setArmed(int input, boolean on) {
        if (input < 1 || input > inputs) throw new IllegalArgumentException("input " + input + " does not exist: expected 1 to " + inputs);
        armed[input - 1] = on;
        Logger.info("input {} {}", input, on ? "armed" : "disarmed");
        return on;
    }

    public synchronized boolean isArmed(int input) {
        return input >= 1 && input <= inputs && armed[input - 1];
    }

    /** The names of {@code inputs} (1-based), in their order. */
    public synchronized List<String> names(List<Integer> inputs) {
        List<String> l = new ArrayList<>(inputs.size());
        for (int input : inputs) l.add(names[input - 1]);
        return l;
    }

    /** The armed inputs in order. */
    public synchronized List<Integer> armedInputs() {
        List<Integer> l = new ArrayList<>();
        for (int i = 0; i < inputs; i++) if (armed[i]) l.add(i + 1);
        return l;
    }
}
