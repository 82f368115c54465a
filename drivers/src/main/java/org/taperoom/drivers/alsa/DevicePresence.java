package org.taperoom.drivers.alsa;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether an ALSA device is plugged in, by polling {@code /proc/asound/cards} (every
 * {@link #DEFAULT_POLL_INTERVAL}, 500 ms: a re-plugged interface is picked up within half a
 * second, and reading a one-page proc file twice a second costs nothing measurable). Polling
 * instead of udev keeps it working without udev in containers and on minimal images.
 *
 * <p>A name that names a card ({@code hw:CARD=UMC1820,DEV=0}, {@code plughw:1,0}, {@code hw:UMC1820})
 * is present while that card is listed. Any other name (a PCM from asound.conf) is present when
 * the fallback probe says so (by default: it can be opened). {@link AlsaBackend#present} asks it
 * for the engine's device watch, never on the capture thread; each call reads the file afresh, so
 * it is thread-safe.
 */
public final class DevicePresence {
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(500);
    public static final Path PROC_CARDS = Path.of("/proc/asound/cards");

    /** " 1 [UMC1820        ]: USB-Audio - UMC1820" → index 1, id UMC1820. */
    private static final Pattern CARD_LINE = Pattern.compile("^\\s*(\\d+)\\s+\\[([^\\]\\s]+)\\s*\\]");
    private static final Pattern CARD_IN_NAME = Pattern.compile("^[a-z]*hw:(?:CARD=)?([^,]+)");

    private final Path cardsFile;
    private final Predicate<String> fallbackProbe;
    private final Duration pollInterval;

    public DevicePresence(Path cardsFile, Predicate<String> fallbackProbe, Duration pollInterval) {
        this.cardsFile = cardsFile;
        this.fallbackProbe = fallbackProbe;
        this.pollInterval = pollInterval;
    }

    /** The system's cards, with a fallback that tries to open the PCM through {@code backend}. */
    public static DevicePresence system(AlsaBackend backend) {
        return new DevicePresence(PROC_CARDS, backend::canOpenCapture, DEFAULT_POLL_INTERVAL);
    }

    public Duration pollInterval() {
        return pollInterval;
    }

    /** Card index → card id, as the kernel lists them now; empty when there is no sound card (or no ALSA). */
    public Map<Integer, String> cards() {
        Map<Integer, String> out = new LinkedHashMap<>();
        if (!Files.isReadable(cardsFile)) return out;
        try {
            for (String line : Files.readAllLines(cardsFile)) {
                Matcher m = CARD_LINE.matcher(line);
                if (m.find()) out.put(Integer.parseInt(m.group(1)), m.group(2));
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    public boolean isPresent(String deviceName) {
        Matcher m = CARD_IN_NAME.matcher(deviceName);
        if (!m.find()) return fallbackProbe.test(deviceName);
        String card = m.group(1);
        Map<Integer, String> cards = cards();
        if (card.chars().allMatch(Character::isDigit)) return cards.containsKey(Integer.parseInt(card));
        return cards.containsValue(card);
    }

    /**
     * Blocks until the device is present or {@code timeout} passed, polling at the interval.
     * Returns whether it is present. Interruptible.
     */
    public boolean awaitPresent(String deviceName, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (isPresent(deviceName)) return true;
            long left = deadline - System.nanoTime();
            if (left <= 0) return false;
            Thread.sleep(Math.min(pollInterval.toMillis(), Math.max(1, left / 1_000_000)));
        }
    }
}
