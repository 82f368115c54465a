package org.taperoom.appliance.playback;

import java.util.ArrayList;
import java.util.List;

/**
 * Which live inputs are heard on the outputs beside the song, and how: per input a level and a
 * pan (constant power: -1 left only, 0 both at -3 dB, +1 right only), or muted (kept with its level
 * and pan, heard not at all). Empty: no inputs. Written as text {@code INPUT[:LEVEL_DB[:PAN[:mute]]],...},
 * inputs 1-based ({@code 3:-6:-1,4} hears input 3 at -6 dB on the left and input 4 at 0 dB in the
 * middle; {@code 5:0:0:mute} keeps input 5 silent).
 */
public record MonitorMix(List<Input> inputs) {
    public static final MonitorMix OFF = new MonitorMix(List.of());

    /** One monitored input (1-based) at {@code levelDb} and {@code pan} in [-1, 1]; a muted one is heard at no gain. */
    public record Input(int input, double levelDb, double pan, boolean muted) {
        public Input(int input, double levelDb, double pan) {
            this(input, levelDb, pan, false);
        }

        public Input {
            if (input < 1) throw new IllegalArgumentException("monitor input must be 1 or more, not " + input);
            if (!(levelDb <= 24) || Double.isNaN(levelDb)) throw new IllegalArgumentException("monitor level must be at most +24 dB, not " + levelDb);
            if (!(pan >= -1 && pan <= 1)) throw new IllegalArgumentException("monitor pan must be -1 to 1, not " + pan);
        }

        /** Linear gain on the left output. */
        public double leftGain() {
            return gain() * Math.cos((pan + 1) * Math.PI / 4);
        }

        /** Linear gain on the right output; exactly 0 at pan -1. */
        public double rightGain() {
            return pan == -1 ? 0 : gain() * Math.sin((pan + 1) * Math.PI / 4);
        }

        private double gain() {
            if (muted) return 0;
            return levelDb == 0 ? 1 : Math.pow(10, levelDb / 20);
        }

        /** As {@link #parse} reads it. */
        String toText() {
            return input + ":" + number(levelDb) + ":" + number(pan) + (muted ? ":mute" : "");
        }

        private static String number(double v) {
            return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
        }
    }

    public MonitorMix {
        inputs = List.copyOf(inputs);
    }

    public boolean on() {
        return !inputs.isEmpty();
    }

    /** The text {@link #parse} reads back to this mix. */
    public String toText() {
        return String.join(",", inputs.stream().map(Input::toText).toList());
    }

    /** Parses {@code INPUT[:LEVEL_DB[:PAN[:mute]]],...}; blank is none. The message names the part that is wrong. */
    public static MonitorMix parse(String text) {
        if (text == null || text.isBlank()) return OFF;
        List<Input> out = new ArrayList<>();
        for (String part : text.split(",")) {
            String[] f = part.trim().split(":");
            boolean muted = f.length == 4 && f[3].trim().equals("mute");
            if (f.length > 4 || f.length == 4 && !muted || f[0].isBlank()) {
                throw new IllegalArgumentException("'" + part.trim() + "' is not INPUT[:LEVEL_DB[:PAN[:mute]]] (e.g. 3:-6:-0.5)");
            }
            try {
                int input = Integer.parseInt(f[0].trim());
                double level = f.length > 1 ? Double.parseDouble(f[1].trim()) : 0;
                double pan = f.length > 2 ? Double.parseDouble(f[2].trim()) : 0;
                if (out.stream().anyMatch(i -> i.input() == input)) throw new IllegalArgumentException("input " + input + " is monitored twice");
                out.add(new Input(input, level, pan, muted));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + part.trim() + "' is not INPUT[:LEVEL_DB[:PAN[:mute]]] (e.g. 3:-6:-0.5)");
            }
        }
        return new MonitorMix(out);
    }
}
