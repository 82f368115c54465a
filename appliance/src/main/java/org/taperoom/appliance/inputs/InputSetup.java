package org.taperoom.appliance.inputs;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.taperoom.appliance.engine.TakeRequest;

/**
 * The inputs as the people in the room set them up: a name, whether it is armed (recorded), and a
 * gain in dB for the interface's input control, per input numbered from 1. The panel (and the
 * encoder) change it; whoever starts a take asks it for the {@link #takeRequest}. Thread-safe: every
 * method takes the instance's lock, and {@link #inputs()} returns an immutable copy.
 */
public final class InputSetup {
    public static final double MIN_GAIN_DB = -60;
    public static final double MAX_GAIN_DB = 24;
    public static final int MAX_NAME_CHARS = 40;

    /** One input's setup. {@code number} counts from 1. */
    public record Input(int number, String name, boolean armed, double gainDb) {}

    private final List<Input> inputs = new ArrayList<>();
    private final List<Consumer<Input>> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** {@code channels} inputs, all armed, named "In 1", "In 2", …, at 0 dB. */
    public InputSetup(int channels) {
        for (int i = 1; i <= channels; i++) inputs.add(new Input(i, "In " + i, true, 0));
    }

    public synchronized List<Input> inputs() {
        return List.copyOf(inputs);
    }

    public synchronized int count() {
        return inputs.size();
    }

    /** Input {@code number} (from 1), or null when there is none. */
    public synchronized Input input(int number) {
        return number >= 1 && number <= inputs.size() ? inputs.get(number - 1) : null;
    }

    /**
     * Replaces input {@code updated.number()}; the caller has checked the ranges.
     *
     * @throws IllegalArgumentException when there is no such input or a value is out of range
     */
    public Input set(Input updated) {
        if (updated.name().isBlank() || updated.name().length() > MAX_NAME_CHARS) {
            throw new IllegalArgumentException("name: 1 to " + MAX_NAME_CHARS + " characters");
        }
        if (!(updated.gainDb() >= MIN_GAIN_DB && updated.gainDb() <= MAX_GAIN_DB)) {
            throw new IllegalArgumentException("gainDb: from " + MIN_GAIN_DB + " to " + MAX_GAIN_DB);
        }
        synchronized (this) {
            if (input(updated.number()) == null) throw new IllegalArgumentException("no input " + updated.number());
            inputs.set(updated.number() - 1, updated);
        }
        for (Consumer<Input> l : listeners) l.accept(updated);
        return updated;
    }

    /** Told about every change, on the changing thread (an ALSA mixer or the simulated device applies gainDb). */
    public void addListener(Consumer<Input> listener) {
        listeners.add(listener);
    }

    /** What a take started now should record: the armed inputs with their names (every input when none is armed). */
    public synchronized TakeRequest takeRequest(String source) {
        List<Integer> tracks = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Input in : inputs) {
            if (!in.armed()) continue;
            tracks.add(in.number());
            names.add(in.name());
        }
        if (tracks.isEmpty()) {
            for (Input in : inputs) names.add(in.name());
        }
        return new TakeRequest("", tracks, names, source);
    }
}
