package org.taperoom.appliance.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.taperoom.appliance.recording.capture.MeterSnapshot;
import org.taperoom.drivers.gpio.GpioException;
import org.taperoom.drivers.gpio.Led;
import org.taperoom.drivers.gpio.MockPins;
import org.taperoom.drivers.gpio.Pi4jGpio;

/** LED outputs over time, read back from Pi4J's mock board, for every transport state. */
class IndicatorsTest {
    private static final int STATUS = 5;
    private static final int CLIP = 6;
    private final Pi4jGpio gpio = Pi4jGpio.mock();
    private final MockPins pins = new MockPins(gpio);

    @AfterEach
    void close() {
        gpio.close();
    }

    /** The status pin sampled every 50 ms over two seconds, as a string of 0 and 1. */
    private String trace(Indicators ind, TransportState state, boolean diskLow) {
        StringBuilder b = new StringBuilder();
        for (long t = 100_000; t < 102_000; t += 50) {
            ind.update(t, state, diskLow, null);
            b.append(pins.isHigh(STATUS) ? '1' : '0');
        }
        return b.toString();
    }

    @Test
    void eachStateHasItsOwnPatternOnTheStatusLed() throws GpioException {
        Led status = new Led(gpio, STATUS, "status LED");
        Led clip = new Led(gpio, CLIP, "clip LED");
        Indicators ind = new Indicators(status::set, clip::set);
        assertEquals("0".repeat(40), trace(ind, TransportState.IDLE, false));
        assertEquals("1".repeat(40), trace(ind, TransportState.RECORDING, false));
        assertEquals("1".repeat(40), trace(ind, TransportState.STOPPING, false));
        assertEquals("1111111111000000000011111111110000000000", trace(ind, TransportState.WAITING, false));
        assertEquals("1100110011001100110011001100110011001100", trace(ind, TransportState.ERROR, false));
        assertEquals("1110001110000000000000000000000000000000", trace(ind, TransportState.IDLE, true));
        assertEquals("0001110001111111111111111111111111111111", trace(ind, TransportState.RECORDING, true));
        assertEquals("1100110011001100110011001100110011001100", trace(ind, TransportState.ERROR, true), "an error outranks the disk warning");
    }

    @Test
    void aClipFlashesTheClipLedBrieflyAndLeavesTheStatusLedAlone() throws GpioException {
        Led status = new Led(gpio, STATUS, "status LED");
        Led clip = new Led(gpio, CLIP, "clip LED");
        Indicators ind = new Indicators(status::set, clip::set);
        MeterSnapshot m = new MeterSnapshot(2);
        m.clipped[1] = true;
        ind.update(1000, TransportState.RECORDING, false, m);
        assertEquals(true, pins.isHigh(CLIP));
        assertEquals(true, pins.isHigh(STATUS));
        ind.update(1000 + Indicators.CLIP_FLASH_MILLIS - 10, TransportState.RECORDING, false, null);
        assertEquals(true, pins.isHigh(CLIP));
        ind.update(1000 + Indicators.CLIP_FLASH_MILLIS + 10, TransportState.RECORDING, false, null);
        assertEquals(false, pins.isHigh(CLIP));
    }

    @Test
    void withoutAClipLedAClipBlinksTheStatusLedDark() throws GpioException {
        Led status = new Led(gpio, STATUS, "status LED");
        Indicators ind = new Indicators(status::set, null);
        MeterSnapshot m = new MeterSnapshot(1);
        m.clipped[0] = true;
        ind.update(5000, TransportState.RECORDING, false, m);
        assertEquals(false, pins.isHigh(STATUS));
        ind.update(5000 + Indicators.CLIP_FLASH_MILLIS + 1, TransportState.RECORDING, false, null);
        assertEquals(true, pins.isHigh(STATUS));
    }

    @Test
    void aClipBetweenTwoUpdatesStillFlashesTheClipLed() throws GpioException {
        Led status = new Led(gpio, STATUS, "status LED");
        Led clip = new Led(gpio, CLIP, "clip LED");
        Indicators ind = new Indicators(status::set, clip::set);
        MeterSnapshot m = new MeterSnapshot(2);
        ind.update(1000, TransportState.RECORDING, false, m);
        assertEquals(false, pins.isHigh(CLIP));
        // One period clipped on input 2 between the updates: its flag is already clear again.
        m.clipCounts[1] = 1;
        ind.update(1010, TransportState.RECORDING, false, m);
        assertEquals(true, pins.isHigh(CLIP), "the clip count moved, so the LED flashes");
        ind.update(1010 + Indicators.CLIP_FLASH_MILLIS + 10, TransportState.RECORDING, false, m);
        assertEquals(false, pins.isHigh(CLIP), "no new clip, no new flash");
    }
}
