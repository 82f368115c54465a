package org.taperoom.drivers.gpio;

/**
 * Decodes a rotary encoder's two contacts (A, B; pulled up, so the rest position reads 11) into
 * detents, by a state-transition table: every change between two of the four Gray-code states
 * counts +1 (clockwise: 11 → 01 → 00 → 10 → 11, A leads) or -1; a change of both bits at once
 * (a missed edge) counts 0. A detent is reported when the contacts reach a rest state with the
 * movement since the last rest at least half a detent, so contact bounce (+1 −1 pairs) never
 * doubles a step, a turn that goes half-way and back is no step, and a missed edge at speed
 * does not lose one. Pure and not thread-safe (its owner serialises calls).
 */
final class QuadratureDecoder {
    /** Indexed by previous state * 4 + new state (state = A << 1 | B). */
    private static final int[] TRANSITION = {
            //  to: 00  01  10  11
            /* 00 */ 0, -1, +1, 0,
            /* 01 */ +1, 0, 0, -1,
            /* 10 */ -1, 0, 0, +1,
            /* 11 */ 0, +1, -1, 0,
    };

    private final int transitionsPerDetent;
    private int state;
    private int movement;

    /**
     * @param transitionsPerDetent 4 for encoders with one full quadrature cycle per detent (most,
     *                             resting at 11), 2 for half-cycle encoders (resting at 11 and 00)
     */
    QuadratureDecoder(int transitionsPerDetent, int initialState) {
        if (transitionsPerDetent != 2 && transitionsPerDetent != 4) {
            throw new IllegalArgumentException("transitions per detent must be 2 or 4, not " + transitionsPerDetent);
        }
        this.transitionsPerDetent = transitionsPerDetent;
        this.state = initialState & 3;
    }

    /** Feeds the contacts' current state (A << 1 | B); returns +1, -1 or 0 detents. */
    int update(int newState) {
        newState &= 3;
        if (newState == state) return 0;
        movement += TRANSITION[state * 4 + newState];
        state = newState;
        boolean rest = state == 3 || (transitionsPerDetent == 2 && state == 0);
        if (!rest) return 0;
        int m = movement;
        movement = 0;
        if (m >= transitionsPerDetent / 2) return 1;
        if (m <= -transitionsPerDetent / 2) return -1;
        return 0;
    }
}
