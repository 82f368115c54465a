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
    /** Guarded by this (changed by {@link #resize} when the device's channels change). */
    private int inputs;
    /** Guarded by this. */
    private boolean[] armed;
    /** Guarded by this; index 0 is input 1. */
    private String[] names;
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

    public synchronized int inputs() {
        return inputs;
    }

    /**
     * Follows a change of the device's channel count: inputs that stay keep their name and arming,
     * new ones start armed and named {@code In N}.
     */
    public synchronized void resize(int count) {
        if (count < 1) throw new IllegalArgumentException("inputs must be at least 1, not " + count);
        if (count == inputs) return;
        boolean[] a = java.util.Arrays.copyOf(armed, count);
        String[] n = java.util.Arrays.copyOf(names, count);
        for (int i = inputs; i < count; i++) {
            a[i] = true;
            n[i] = "In " + (i + 1);
        }
        armed = a;
        names = n;
        inputs = count;
        if (selected > count) selected = 1;
        Logger.info("{} inputs", count);
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
