package org.taperoom.appliance.config;

import java.util.List;

/**
 * The front panel's wiring: BCM pin numbers (not header pin numbers) of the buttons, encoder and
 * LEDs, and how they are read. -1 means "not connected". The default wiring is in hw-tests/README.md.
 */
public final class GpioKeys {
    private GpioKeys() {}

    private static ConfigKey<Integer> pin(String name, int bcm, String what) {
        return ConfigKey.integer(name, bcm, -1, 27, "BCM number of " + what + ", or -1 when not connected.");
    }

    public static final ConfigKey<String> GPIO = ConfigKey.oneOf("gpio", "auto", List.of("auto", "gpiod", "mock", "off"),
            "GPIO front panel: gpiod (Raspberry Pi, user in group 'gpio'), mock (Pi4J's mock board), off, "
                    + "or auto (gpiod when the board has a GPIO chip, otherwise off).");
    public static final ConfigKey<String> CHIP = ConfigKey.text("gpioChip", "", false,
            "gpiod chip name; empty for Pi4J's default (a Raspberry Pi 5 on a kernel before 6.6.45 needs gpiochip4).");
    public static final ConfigKey<Integer> RECORD_BUTTON = pin("gpioRecordButton", 17,
            "the record button (to ground; a press starts a take, the next stops it)");
    public static final ConfigKey<Integer> MARKER_BUTTON = pin("gpioMarkerButton", 27,
            "the marker button (to ground; a press drops a marker, a long press arms or disarms auto-record)");
    public static final ConfigKey<Integer> OVERDUB_BUTTON = pin("gpioOverdubButton", 16,
            "the overdub button (to ground; a press records a pass over the song used last with the armed inputs, the next press ends it)");
    public static final ConfigKey<Integer> ENCODER_A = pin("gpioEncoderA", 22, "the rotary encoder's contact A (CLK)");
    public static final ConfigKey<Integer> ENCODER_B = pin("gpioEncoderB", 23, "the rotary encoder's contact B (DT)");
    public static final ConfigKey<Integer> ENCODER_PUSH = pin("gpioEncoderPush", 24,
            "the rotary encoder's push switch (SW; push toggles the selected input's arming, push-and-turn sets its gain)");
    public static final ConfigKey<Integer> STATUS_LED = pin("gpioStatusLed", 5,
            "the status LED (solid recording, solid with a 2 Hz flicker overdubbing, slow blink waiting for signal, fast blink error, double flash disk nearly full)");
    public static final ConfigKey<Integer> CLIP_LED = pin("gpioClipLed", 6,
            "the clip LED (a short flash when any input clips; when -1 the status LED flickers instead)");
    public static final ConfigKey<Integer> DEBOUNCE_MILLIS = ConfigKey.integer("gpioDebounceMillis", 20, 1, 200,
            "A button's contact must hold a level this long to count; a press reaches the transport within the bounce plus this time.");
    public static final ConfigKey<Integer> LONG_PRESS_MILLIS = ConfigKey.integer("gpioLongPressMillis", 2000, 300, 10000,
            "How long the marker button is held for a long press (arm or disarm auto-record).");
    public static final ConfigKey<Integer> ENCODER_TRANSITIONS = ConfigKey.oneOfIntegers("gpioEncoderTransitionsPerDetent", 4, List.of(2, 4),
            "Quadrature transitions per encoder detent: 4 for most encoders (one full cycle per click), 2 for half-cycle ones.");
    public static final ConfigKey<Double> GAIN_STEP_DB = ConfigKey.decimal("gpioGainStepDb", 1, 0.1, 6,
            "Input gain change per encoder detent while the encoder is pushed.");

    public static final List<ConfigKey<?>> ALL = List.of(GPIO, CHIP, RECORD_BUTTON, MARKER_BUTTON, OVERDUB_BUTTON, ENCODER_A, ENCODER_B,
            ENCODER_PUSH, STATUS_LED, CLIP_LED, DEBOUNCE_MILLIS, LONG_PRESS_MILLIS, ENCODER_TRANSITIONS, GAIN_STEP_DB);
}
