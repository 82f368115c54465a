package org.taperoom.appliance.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A failing upload waits twice as long after each failure, up to the maximum, and never overflows into no wait. */
class BackoffTest {
    @Test
    void theWaitDoublesUpToTheMaximum() {
        Publisher p = new Publisher(null, null, null, TimeWindow.ALWAYS, 2_000, 300_000, Clock.systemUTC());
        assertEquals(List.of(2_000L, 4_000L, 8_000L, 16_000L, 32_000L, 64_000L, 128_000L, 256_000L, 300_000L, 300_000L),
                IntStream.rangeClosed(1, 10).mapToObj(p::backoff).toList());
        assertEquals(300_000L, p.backoff(1_000), "after a thousand failures still the maximum");
    }
}
