package org.taperoom.appliance.playback;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.taperoom.appliance.dsp.render.Normalisation;
import org.taperoom.appliance.dsp.render.RenderProgress;
import org.taperoom.appliance.dsp.render.Renderer;
import org.taperoom.appliance.dsp.render.TakeTracks;
import org.taperoom.appliance.dsp.settings.RenderSettings;
import org.taperoom.appliance.testing.TestAudio;
import org.taperoom.drivers.alsa.RealtimeScheduling;
import org.taperoom.drivers.audio.PlaybackStream;
import org.taperoom.drivers.audio.SampleFormat;
import org.taperoom.drivers.audio.StreamConfig;
import org.taperoom.drivers.sim.SimBackend;
import org.taperoom.drivers.sim.SimOptions;

/**
 * Benchmark (not a test; run by {@code appliance/bench/playback-benchmark.sh}): the playback
 * thread's CPU per period for TRACKS tracks through the full chain (per-track EQ, RMS compressor,
 * reverb and delay sends, pan; both buses; master EQ, glue and the limiter) at PERIOD frames, as
 * a share of one core; then SOAK seconds of paced playback on the simulated outputs (which count
 * a period written after its playing time as an underrun) while renders of the same take run
 * beside it, one after another.
 *
 * <p>Arguments: TRACKS PERIOD SOAK_SECONDS TAKE_SECONDS.
 */
public final class PlaybackBenchmark {
    private static final int RATE = 48000;
    private static final int FIFO_PRIORITY = org.taperoom.appliance.config.AlsaKeys.REALTIME_PRIORITY.defaultValue();

    public static void main(String[] args) throws Exception {
        int tracks = args.length > 0 ? Integer.parseInt(args[0]) : 16;
        int period = args.length > 1 ? Integer.parseInt(args[1]) : 256;
        int soakSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 600;
        int takeSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        int bufferPeriods = args.length > 4 ? Integer.parseInt(args[4]) : 4;
        int renderThreads = args.length > 5 ? Integer.parseInt(args[5]) : Renderer.defaultThreads();
        Path dir = Files.createTempDirectory("taperoom-playback-bench-");
        try {
            run(dir, tracks, period, soakSeconds, takeSeconds, bufferPeriods, renderThreads);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void run(Path dir, int tracks, int period, int soakSeconds, int takeSeconds, int bufferPeriods, int renderThreads)
            throws Exception {
        Path takeDir = dir.resolve("take");
        List<String> names = new ArrayList<>();
        List<float[]> audio = new ArrayList<>();
        for (int seed = 1; audio.size() < tracks; seed++) {
            List<float[]> band = TestAudio.band(RATE, takeSeconds, seed);
            for (int i = 0; i < band.size() && audio.size() < tracks; i++) {
                audio.add(band.get(i));
                names.add(TestAudio.BAND_NAMES.get(i) + seed);
            }
        }
        TestAudio.writeTake(takeDir, RATE, names, audio);
        TakeTracks take = TakeTracks.find(takeDir);
        RenderSettings settings = RenderSettings.parse(fullChain(names));
        Normalisation normalisation = Normalisation.of(settings.master(), RATE, 3);
        LoopRegion wholeTake = new LoopRegion(0, (long) takeSeconds * RATE);
        double periodNanos = period * 1e9 / RATE;
        System.out.printf("playback benchmark: %d tracks x %d s, 48 kHz, %d-frame periods (%.2f ms), full chain, on %d cores%n",
                tracks, takeSeconds, period, periodNanos / 1e6, Runtime.getRuntime().availableProcessors());

        // 1. CPU per period, unpaced: the thread runs as fast as its work allows; parks waiting for the reader cost nothing.
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        SimBackend unpaced = new SimBackend(SimOptions.defaults().withPaced(false));
        try (Player p = Player.open(take, settings, normalisation,
                unpaced.openPlayback("sim", new StreamConfig(2, RATE, period, 4, SampleFormat.FLOAT_LE)), true)) {
            p.play(0, wholeTake);
            p.start();
            long tid = p.playbackThread().threadId();
            waitPeriods(p, 20_000);
            long p0 = p.status().periods();
            long c0 = mx.getThreadCpuTime(tid);
            long w0 = System.nanoTime();
            waitPeriods(p, p0 + 20_000);
            long c1 = mx.getThreadCpuTime(tid);
            long w1 = System.nanoTime();
            long n = p.status().periods() - p0;
            double cpuPerPeriod = (c1 - c0) / (double) n;
            System.out.printf("CPU of the playback thread: %.1f us per period = %.1f %% of one core (%d periods; %.1f x real time unpaced)%n",
                    cpuPerPeriod / 1e3, 100 * cpuPerPeriod / periodNanos, n, n * periodNanos / (w1 - w0));
        }

        // 2. Soak: paced, with renders of the same take beside it.
        AtomicBoolean rendering = new AtomicBoolean(true);
        AtomicInteger renders = new AtomicInteger();
        Thread renderer = new Thread(() -> {
            while (rendering.get()) {
                try {
                    new Renderer(renderThreads).render(take, settings, dir.resolve("render.wav"),
                            RenderProgress.NONE, () -> !rendering.get());
                    renders.incrementAndGet();
                } catch (java.util.concurrent.CancellationException e) {
                    return;
                } catch (Exception e) {
                    System.out.println("render beside playback failed: " + e);
                    return;
                }
            }
        }, "bench-render");
        SimBackend paced = new SimBackend(SimOptions.defaults().withPaced(true));
        // As on ALSA with the service's capture priority: the playback thread asks for SCHED_FIFO.
        boolean[] fifo = new boolean[1];
        PlaybackStream device = new FifoOutput(paced.openPlayback("sim", new StreamConfig(2, RATE, period, bufferPeriods, SampleFormat.FLOAT_LE)), fifo);
        try (Player p = Player.open(take, settings, normalisation, device, false)) {
            p.play(0, wholeTake);
            p.start();
            renderer.start();
            long tid = p.playbackThread().threadId();
            waitPeriods(p, 1000);
            long p0 = p.status().periods();
            long c0 = mx.getThreadCpuTime(tid);
            long end = System.nanoTime() + soakSeconds * 1_000_000_000L;
            while (System.nanoTime() < end) Thread.sleep(500);
            PlaybackStatus s = p.status();
            double pacedCpu = (mx.getThreadCpuTime(tid) - c0) / (double) (s.periods() - p0);
            rendering.set(false);
            renderer.join(60_000);
            System.out.printf("soak: %d s of paced playback (%d periods, buffer %d periods = %.1f ms, playback thread %s) beside %d full renders"
                            + " on %d threads: %d underruns, %d periods the reader was late%n", soakSeconds, s.periods(), bufferPeriods,
                    bufferPeriods * periodNanos / 1e6, fifo[0] ? "SCHED_FIFO" : "normal scheduling (SCHED_FIFO refused)", renders.get(), renderThreads, s.underruns(), s.starvedPeriods());
            System.out.printf("CPU of the playback thread while paced: %.1f us per period = %.1f %% of one core%n",
                    pacedCpu / 1e3, 100 * pacedCpu / periodNanos);
        }
        System.out.println("load average after: " + Files.readString(Path.of("/proc/loadavg")).trim());
    }

    /** The simulated output, with the ALSA stream's request for SCHED_FIFO on the playback thread. */
    private static final class FifoOutput extends DelegatingOutput {
        private final boolean[] granted;

        FifoOutput(PlaybackStream real, boolean[] granted) {
            super(real);
            this.granted = granted;
        }

        @Override
        public void onPlaybackThreadStart() {
            granted[0] = RealtimeScheduling.raiseCallingThreadToFifo(FIFO_PRIORITY);
        }
    }

    private static void waitPeriods(Player p, long periods) throws InterruptedException {
        while (p.status().periods() < periods) Thread.sleep(20);
    }

    private static String fullChain(List<String> names) {
        StringBuilder tracks = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            double pan = names.size() > 1 ? -0.8 + 1.6 * i / (names.size() - 1) : 0;
            if (i > 0) tracks.append(", ");
            tracks.append(String.format(java.util.Locale.ROOT, """
                    "%s": {"pan": %.4f, "reverb_send_db": -14, "delay_send_db": -18,
                           "eq": {"high_pass": {"on": true, "frequency_hz": 80}, "low_shelf": {"frequency_hz": 150, "gain_db": -2},
                                  "peak_1": {"frequency_hz": 1000, "gain_db": 1.5}, "peak_2": {"frequency_hz": 5000, "gain_db": -1}},
                           "compressor": {"on": true, "threshold_db": -18, "ratio": 3, "detection": "rms"}}""", names.get(i), pan));
        }
        return """
                {"mix": {"tempo_bpm": 120, "tracks": {%s}, "delay": {"sync": "1/8d"}},
                 "master": {"preset": "streaming", "eq": {"low_shelf": {"frequency_hz": 100, "gain_db": 1},
                                                          "high_shelf": {"frequency_hz": 10000, "gain_db": 1.5}},
                            "glue": {"on": true, "threshold_db": -12, "ratio": 2}},
                 "output": {"sample_format": "s24"}}""".formatted(tracks);
    }
}
