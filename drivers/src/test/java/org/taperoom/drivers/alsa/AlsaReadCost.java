package org.taperoom.drivers.alsa;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.taperoom.drivers.audio.ReadStatus;
import org.taperoom.drivers.audio.SampleFormat;
import org.taperoom.drivers.audio.StreamConfig;

/**
 * Benchmark (not a test): what the ALSA driver alone costs the capture thread, per format:
 * {@code snd_pcm_readi} from a file-plugin device plus the conversion to S32, for SECONDS of
 * 32-channel 48 kHz audio, as thread CPU seconds and as the share of one core in real time.
 * This is the figure behind choosing readi over mmap: mmap would save at most one copy of each
 * period inside readi, a part of the total printed here.
 *
 * <p>Run: {@code drivers/bench/read-cost.sh [SECONDS]} (default 60).
 */
public final class AlsaReadCost {
    private static final int CHANNELS = 32;
    private static final int RATE_HZ = 48000;
    private static final int PERIOD_FRAMES = 256;

    private AlsaReadCost() {}

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        long frames = (long) seconds * RATE_HZ;
        Path dir = Files.createTempDirectory("taperoom-read-cost");
        try {
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            System.out.printf("%d s of %d channels at %d Hz, %d-frame periods, read with snd_pcm_readi%n", seconds, CHANNELS, RATE_HZ, PERIOD_FRAMES);
            for (SampleFormat f : new SampleFormat[] {SampleFormat.S16_LE, SampleFormat.S24_3LE, SampleFormat.S32_LE}) {
                Path in = VirtualRig.writeInfile(dir.resolve(f + ".raw"), CHANNELS, frames, f);
                try (AlsaBackend alsa = new AlsaBackend(AlsaNative.quiet(), VirtualRig.filePcm("cap", in), 0, f);
                     AlsaCaptureStream s = alsa.openCapture("cap", new StreamConfig(CHANNELS, RATE_HZ, PERIOD_FRAMES, 4, f))) {
                    s.start();
                    int[] period = new int[PERIOD_FRAMES * CHANNELS];
                    long cpu0 = mx.getCurrentThreadCpuTime();
                    for (long n = 0; n + PERIOD_FRAMES <= frames; n += PERIOD_FRAMES) {
                        if (s.readPeriod(period) != ReadStatus.OK) throw new IllegalStateException("read failed at frame " + n);
                    }
                    double cpu = (mx.getCurrentThreadCpuTime() - cpu0) / 1e9;
                    System.out.printf("%-8s %6.2f s thread CPU = %.2f%% of one core in real time%n", f, cpu, 100 * cpu / seconds);
                }
                Files.delete(in);
            }
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
