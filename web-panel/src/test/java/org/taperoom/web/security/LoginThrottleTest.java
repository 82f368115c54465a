package org.taperoom.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The login limiter against one guesser, many addresses, and a table a stranger tries to flood. */
class LoginThrottleTest {
    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        long millis = 1_000_000;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }
    }

    @Test
    void aGuessersFailuresAreKeptHoweverManyOtherAddressesFail() {
        ManualClock clock = new ManualClock();
        LoginThrottle throttle = new LoginThrottle(clock);
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) throttle.failed("10.0.0.1");
        assertTrue(throttle.waitSeconds("10.0.0.1") > 0);
        for (int i = 0; i < 20_000; i++) {
            clock.millis += 1;
            throttle.failed("172.16." + (i / 250) + "." + (i % 250));
        }
        assertTrue(throttle.waitSeconds("10.0.0.1") > 0, "the guesser's record survived 20,000 other addresses");
        assertTrue(throttle.clientsRemembered() <= LoginThrottle.MAX_CLIENTS, "remembered " + throttle.clientsRemembered());
    }

    @Test
    void manyAddressesTogetherGetNoMoreGuessesThanTheGlobalBudget() {
        ManualClock clock = new ManualClock();
        LoginThrottle throttle = new LoginThrottle(clock);
        long hourMillis = 3_600_000;
        long end = clock.millis + hourMillis;
        int tried = 0;
        int address = 0;
        // A botnet: every 100 ms a fresh address tries a PIN whenever the limiter lets it.
        while (clock.millis < end) {
            String client = "198.51." + (address / 250 % 250) + "." + (address % 250);
            address++;
            if (throttle.waitSeconds(client) == 0) {
                throttle.failed(client);
                tried++;
            }
            clock.millis += 100;
        }
        System.out.printf("a botnet of %d addresses got %d guesses in an hour (the limiter's bound: %d)%n",
                address, tried, LoginThrottle.worstCaseGuessesInFirstHour());
        assertTrue(tried <= LoginThrottle.worstCaseGuessesInFirstHour(), tried + " guesses in an hour");
        assertTrue(tried >= LoginThrottle.worstCaseGuessesInFirstHour() - 1, "the bound is the real rate, not a loose one: " + tried);
    }

    @Test
    void theReadmeStatesTheWorstCaseGuessingRateTheConstantsGive() throws Exception {
        Path readme = Path.of("..", "README.md");
        String text = Files.readString(readme);
        String stated = "at most " + LoginThrottle.GLOBAL_BURST + " wrong PINs at once and then one every "
                + LoginThrottle.GLOBAL_REFILL_MILLIS / 1000 + " s from all addresses together: " + LoginThrottle.worstCaseGuessesInFirstHour()
                + " guesses in the first hour, " + 3_600_000 / LoginThrottle.GLOBAL_REFILL_MILLIS + " an hour after that";
        assertTrue(text.contains(stated), "README.md should say: " + stated);
    }

    @Test
    void aSuccessClearsOnlyThatClientsRecord() {
        ManualClock clock = new ManualClock();
        LoginThrottle throttle = new LoginThrottle(clock);
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) throttle.failed("a");
        throttle.failed("b");
        throttle.succeeded("b");
        assertTrue(throttle.waitSeconds("a") > 0);
        assertEquals(0, throttle.waitSeconds("b"));
    }
}
