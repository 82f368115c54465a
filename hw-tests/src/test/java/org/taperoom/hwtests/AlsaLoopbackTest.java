package org.taperoom.hwtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.taperoom.drivers.alsa.AlsaBackend;
import org.taperoom.drivers.alsa.AlsaCaptureStream;
import org.taperoom.drivers.alsa.AlsaPlaybackStream;
import org.taperoom.drivers.alsa.DevicePresence;
import org.taperoom.drivers.audio.DeviceInfo;
import org.taperoom.drivers.audio.ReadStatus;
import org.taperoom.drivers.audio.StreamConfig;

/**
 * The loopback rig (hw-tests/README.md): a cable from output 1 to input 1 of a real interface.
 * Plays a click every {@link #CLICK_INTERVAL_FRAMES} frames on output 1 for ten minutes at 48 kHz
 * and finds each click on input 1. The first click gives the round-trip latency in samples; every
 * later click must arrive exactly that many frames after it was played (within one frame of
 * threshold jitter): one lost or repeated sample anywhere on the way would shift all that follow.
 *
 * <p>Settings: {@code -Dtaperoom.hw.device=hw:CARD=UMC1820,DEV=0} (required: without it the test
 * is skipped with the reason printed), {@code -Dtaperoom.hw.minutes=10}.
 */
class AlsaLoopbackTest {
    private static final int RATE_HZ = 48000;
    private static final int PERIOD_FRAMES = 256;
    private static final int CLICK_INTERVAL_FRAMES = RATE_HZ / 10;
    /** A click is 8 frames at half scale; it is found where |input| first exceeds 1/16 of full scale. */
    private static final int CLICK_FRAMES = 8;
    private static final int CLICK_LEVEL = Integer.MAX_VALUE / 2;
    private static final int THRESHOLD = Integer.MAX_VALUE / 16;

    @Test
    void aLoopbackCableReturnsEverySampleWithAFixedLatencyForTenMinutes() throws Exception {
        // Opt-in: a workstation's onboard duplex codec would otherwise run ten minutes and fail
        // (no cable looped). The rig's command line names the device.
        if (System.getProperty("taperoom.hw.device") == null) {
            String reason = "skipped: runs only on the loopback rig, asked for with -Dtaperoom.hw.device=hw:CARD=...,DEV=0 (hw-tests/README.md)";
            System.out.println("AlsaLoopbackTest " + reason);
            Assumptions.assumeTrue(false, reason);
        }
        Map<Integer, String> cards = new DevicePresence(DevicePresence.PROC_CARDS, n -> false, DevicePresence.DEFAULT_POLL_INTERVAL).cards();
        if (cards.isEmpty()) {
            String reason = "skipped: no sound card (" + DevicePresence.PROC_CARDS + " lists none); wire the loopback rig of hw-tests/README.md to run it";
            System.out.println("AlsaLoopbackTest " + reason);
            Assumptions.assumeTrue(false, reason);
        }
        String device = System.getProperty("taperoom.hw.device");
        double minutes = Double.parseDouble(System.getProperty("taperoom.hw.minutes", "10"));
        long totalFrames = (long) (minutes * 60 * RATE_HZ);

        try (AlsaBackend alsa = new AlsaBackend()) {
            DeviceInfo info = alsa.devices().stream().filter(d -> d.name().equals(device)).findFirst().orElse(null);
            if (info == null || info.capture() == null || info.playback() == null) {
                String reason = "skipped: " + device + " cannot both play and capture (busy, or not a duplex interface)";
                System.out.println("AlsaLoopbackTest " + reason);
                Assumptions.assumeTrue(false, reason);
            }
            int inChannels = info.capture().minChannels();
            int outChannels = info.playback().minChannels();
            try (AlsaPlaybackStream out = alsa.openPlayback(device, new StreamConfig(outChannels, RATE_HZ, PERIOD_FRAMES, 4, null));
                 AlsaCaptureStream in = alsa.openCapture(device, new StreamConfig(inChannels, RATE_HZ, PERIOD_FRAMES, 4, null))) {
                System.out.printf("loopback on %s: out %s, in %s, %.1f minutes%n", device, out.config(), in.config(), minutes);
                AtomicReference<String> playbackProblem = new AtomicReference<>();
                Thread player = Thread.ofPlatform().name("loopback-playback").start(() -> play(out, totalFrames + RATE_HZ, playbackProblem));
                List<Long> arrivals = capture(in, totalFrames);
                player.join(Duration.ofMinutes(1));
                assertEquals(null, playbackProblem.get());

                assertTrue(arrivals.size() > 10, "clicks found on input 1: " + arrivals.size() + " (is the cable in output 1 and input 1, and the gain up?)");
                long latency = arrivals.get(0); // the first click is played at frame 0
                long worst = 0;
                int late = 0;
                for (int k = 0; k < arrivals.size(); k++) {
                    long drift = arrivals.get(k) - (long) k * CLICK_INTERVAL_FRAMES - latency;
                    worst = Math.max(worst, Math.abs(drift));
                    if (Math.abs(drift) > 1) late++;
                }
                System.out.printf("round-trip latency %d samples (%.2f ms); %d clicks; worst drift %d samples; %d overruns, %d underruns%n",
                        latency, latency * 1000.0 / RATE_HZ, arrivals.size(), worst, in.overruns(), out.underruns());
                assertEquals(0, in.overruns(), "capture overruns");
                assertEquals(0, out.underruns(), "playback underruns");
                assertEquals(0, late, "clicks off their place by more than one sample (a sample lost or repeated)");
                assertTrue(arrivals.size() >= totalFrames / CLICK_INTERVAL_FRAMES - 2, "every click came back: " + arrivals.size());
            }
        }
    }

    private static void play(AlsaPlaybackStream out, long frames, AtomicReference<String> problem) {
        try {
            int ch = out.config().channels();
            int[] period = new int[out.config().periodFrames() * ch];
            out.start();
            for (long f0 = 0; f0 < frames; f0 += out.config().periodFrames()) {
                java.util.Arrays.fill(period, 0);
                for (int i = 0; i < out.config().periodFrames(); i++) {
                    if ((f0 + i) % CLICK_INTERVAL_FRAMES < CLICK_FRAMES) period[i * ch] = CLICK_LEVEL;
                }
                if (out.writePeriod(period) == ReadStatus.GONE) {
                    problem.set("playback device vanished");
                    return;
                }
            }
        } catch (Exception e) {
            problem.set(e.toString());
        }
    }

    /** Frame positions (since the first captured frame) where each click's leading edge arrived on input 1. */
    private static List<Long> capture(AlsaCaptureStream in, long frames) throws Exception {
        int ch = in.config().channels();
        int[] period = new int[in.config().periodFrames() * ch];
        List<Long> arrivals = new ArrayList<>();
        long quietSince = 0;
        in.start();
        for (long f0 = 0; f0 < frames; f0 += in.config().periodFrames()) {
            if (in.readPeriod(period) == ReadStatus.GONE) throw new AssertionError("capture device vanished at frame " + f0);
            for (int i = 0; i < in.config().periodFrames(); i++) {
                long f = f0 + i;
                if (Math.abs((long) period[i * ch]) > THRESHOLD) {
                    // A new click only after half an interval of quiet: the ringing of one click is not the next.
                    if (f - quietSince > CLICK_INTERVAL_FRAMES / 2) arrivals.add(f);
                    quietSince = f;
                }
            }
        }
        return arrivals;
    }
}
