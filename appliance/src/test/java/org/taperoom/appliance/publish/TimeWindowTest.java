package org.taperoom.appliance.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/** Uploads start only inside the window, across midnight too ("not during lessons"). */
class TimeWindowTest {
    @Test
    void aWindowAcrossMidnightIsOpenAtNightAndClosedDuringLessons() {
        TimeWindow night = TimeWindow.parse("22:00-06:00");
        assertTrue(night.contains(LocalTime.of(23, 59)));
        assertTrue(night.contains(LocalTime.of(0, 30)));
        assertTrue(night.contains(LocalTime.of(22, 0)));
        assertFalse(night.contains(LocalTime.of(6, 0)));
        assertFalse(night.contains(LocalTime.of(10, 15)));
    }

    @Test
    void aWindowWithinTheDayAndAlways() {
        TimeWindow lunch = TimeWindow.parse("12:30-13:30");
        assertTrue(lunch.contains(LocalTime.of(13, 0)));
        assertFalse(lunch.contains(LocalTime.of(13, 30)));
        assertTrue(TimeWindow.ALWAYS.contains(LocalTime.of(4, 0)));
    }

    @Test
    void aMistypedWindowSaysWhatItShouldLookLike() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TimeWindow.parse("22h-6h"));
        assertEquals("\"22h-6h\" is not a time window; expected HH:MM-HH:MM (e.g. 22:00-06:00)", e.getMessage());
    }
}
