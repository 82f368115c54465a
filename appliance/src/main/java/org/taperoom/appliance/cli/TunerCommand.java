package org.taperoom.appliance.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.taperoom.appliance.config.Config;
import org.taperoom.appliance.config.RecordingKeys;
import org.taperoom.appliance.dsp.pitch.NoteReading;
import org.taperoom.appliance.device.DeviceBackends;
import org.taperoom.appliance.service.RecordingSetup;
import org.taperoom.appliance.recording.engine.EngineException;
import org.taperoom.appliance.recording.engine.RecordingEngine;
import org.taperoom.appliance.tuner.Tuner;
import org.taperoom.appliance.tuner.TunerTap;
import org.taperoom.drivers.audio.AudioBackend;
import org.taperoom.drivers.sim.SimBackend;

/**
 * {@code taperoom tuner --device D --input N [--seconds S] [--json] [--a4 HZ]}: a chromatic tuner
 * on one input, printing readings until --seconds have passed or Ctrl-C. It runs the capture
 * engine without recording (its library is a temporary folder, removed at the end).
 */
final class TunerCommand implements Command {
    /** Text readings are printed at most this often; --json prints every one. */
    private static final long TEXT_INTERVAL_NANOS = 100_000_000L;

    @Override
    public String name() {
        return "tuner";
    }

    @Override
    public String summary() {
        return "A chromatic tuner on one input: note, octave, cents and frequency, live, until --seconds or Ctrl-C.";
    }

    @Override
    public List<Flag> flags() {
        List<Flag> f = new ArrayList<>();
        f.add(Flag.value("input", "N", "The input to tune (1-based, required)."));
        f.add(Flag.value("seconds", "S", "Stop after S seconds (default: until Ctrl-C or SIGTERM)."));
        f.add(Flag.value("a4", "HZ", "Reference pitch of A4, 415–466 Hz (default 440)."));
        f.add(Flag.toggle("json", "One JSON object per reading and line: {\"hz\", \"note\", \"cents\"}."));
        f.addAll(SimFlags.FLAGS);
        return f;
    }

    @Override
    public boolean readsConfig() {
        return true;
    }

    @Override
    public int run(Args args) throws Exception {
        if (!args.has("input")) throw new UsageException("--input N is required: the input to tune, 1 to the device's channels");
        double a4 = args.decimal("a4", 440, NoteReading.MIN_A4_HZ, NoteReading.MAX_A4_HZ);
        double seconds = args.decimal("seconds", 0, 0, 7 * 24 * 3600);
        Path scratch = Files.createTempDirectory("taperoom-tuner-");
        Config config = args.config().with(RecordingKeys.LIBRARY, scratch).with(RecordingKeys.PRE_ROLL_SECONDS, 0.0)
                .with(RecordingKeys.RING_SECONDS, 1).with(RecordingKeys.MIN_FREE_MINUTES, 0);
        int channels = config.get(RecordingKeys.CHANNELS);
        long input = args.integer("input", 1, 1, Long.MAX_VALUE);
        if (input > channels) {
            throw new UsageException("--input " + input + ": the device is opened with " + channels + " channel" + (channels == 1 ? "" : "s")
                    + " (inputs 1 to " + channels + "); pick one of those or raise --channels");
        }
        String device = config.get(RecordingKeys.DEVICE);
        AudioBackend backend;
        try {
            if (!SimBackend.handles(device)) SimFlags.refuseFor(args, device);
            backend = SimBackend.handles(device) ? new SimBackend(SimFlags.options(args, device, true)) : DeviceBackends.forDevice(config);
        } catch (EngineException e) {
            throw new UsageException(e.getMessage());
        }
        RecordingEngine engine = RecordingSetup.engine(config, backend);
        try {
            engine.start();
        } catch (EngineException e) {
            throw new UsageException(e.getMessage());
        }
        PrintStream out = System.out;
        boolean json = args.has("json");
        boolean terminal = Terminal.isStdout();
        long[] lastPrint = {0};
        TunerTap tap = new TunerTap((int) input - 1, 1 << 16);
        Tuner tuner = new Tuner(tap, config.get(RecordingKeys.RATE_HZ), a4, (r, endSample) -> {
            if (json) {
                out.println(r.json());
                return;
            }
            long now = System.nanoTime();
            if (now - lastPrint[0] < TEXT_INTERVAL_NANOS) return;
            lastPrint[0] = now;
            String line = String.format("%-4s %+6.1f cents  %9.3f Hz", r.note(), r.cents(), r.hz());
            if (terminal) out.print("\r" + line + "\u001b[K");
            else out.println(line);
            out.flush();
        });
        CountDownLatch stop = new CountDownLatch(1);
        Thread hook = new Thread(stop::countDown, "taperoom-tuner-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            engine.setRingTap(tap);
            tuner.start();
            if (seconds > 0) stop.await((long) (seconds * 1e9), TimeUnit.NANOSECONDS);
            else stop.await();
        } finally {
            tuner.close();
            engine.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs already
            }
            try (var files = Files.walk(scratch)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        if (terminal && !json) out.println();
        return 0;
    }
}
