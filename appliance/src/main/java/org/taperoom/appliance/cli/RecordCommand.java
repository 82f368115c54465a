package org.taperoom.appliance.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.taperoom.appliance.config.Config;
import org.taperoom.appliance.config.RecordingKeys;
import org.taperoom.appliance.device.DeviceBackends;
import org.taperoom.appliance.recording.capture.MeterSnapshot;
import org.taperoom.appliance.recording.engine.EngineException;
import org.taperoom.appliance.recording.engine.RecorderListener;
import org.taperoom.appliance.recording.engine.RecordingEngine;
import org.taperoom.appliance.recording.engine.TakeRequest;
import org.taperoom.appliance.recording.recover.TakeRecovery;
import org.taperoom.appliance.recording.take.EndReason;
import org.taperoom.appliance.recording.take.TakeRef;
import org.taperoom.appliance.service.RecordingSetup;
import org.taperoom.drivers.audio.AudioBackend;
import org.taperoom.drivers.sim.SimBackend;
import org.tinylog.Logger;

/**
 * {@code taperoom record}: one take from a device, headless, for a duration or until Ctrl-C or
 * SIGTERM (both finish the files). The take's folder is the last line on stdout.
 */
final class RecordCommand implements Command {
    @Override
    public String name() {
        return "record";
    }

    @Override
    public String summary() {
        return "Record a take from a device until --seconds have passed or Ctrl-C/SIGTERM; prints the take's folder last.";
    }

    @Override
    public List<Flag> flags() {
        List<Flag> f = new ArrayList<>();
        f.add(Flag.value("seconds", "S", "Length of the take in seconds of audio (default: until Ctrl-C or SIGTERM)."));
        f.add(Flag.value("name", "NAME", "Name of the take (its folder's slug); default 'take'."));
        f.addAll(SimFlags.FLAGS);
        return f;
    }

    @Override
    public boolean readsConfig() {
        return true;
    }

    @Override
    public int run(Args args) throws Exception {
        // A command-line take starts when the command runs: there is no earlier audio to keep.
        Config config = args.config().with(RecordingKeys.PRE_ROLL_SECONDS, 0.0);
        double seconds = args.decimal("seconds", 0, 0, 7 * 24 * 3600);
        String name = args.string("name", "");
        int rate = config.get(RecordingKeys.RATE_HZ);
        long maxFrames = seconds > 0 ? Math.max(1, Math.round(seconds * rate)) : Long.MAX_VALUE;
        String device = config.get(RecordingKeys.DEVICE);
        AudioBackend backend;
        try {
            if (!SimBackend.handles(device)) SimFlags.refuseFor(args, device);
            backend = SimBackend.handles(device) ? new SimBackend(SimFlags.options(args, device, true)) : DeviceBackends.forDevice(config);
        } catch (EngineException e) {
            throw new UsageException(e.getMessage());
        }
        RecordingEngine engine = RecordingSetup.engine(config, backend);
        // The library's unfinished takes are repaired before anything new is written next to them.
        for (TakeRecovery.Repair r : TakeRecovery.recoverLibrary(engine.library().root())) Logger.info("recovered {}", r.summary());
        CompletableFuture<String> ended = new CompletableFuture<>();
        engine.addListener(new RecorderListener() {
            @Override
            public void takeEnded(TakeRef take, EndReason reason, String detail) {
                ended.complete(reason.fault() ? detail : "");
            }
        });
        try {
            engine.start();
        } catch (EngineException e) {
            throw new UsageException(e.getMessage());
        }
        TakeRef take;
        try {
            take = engine.startTake(new TakeRequest(name, List.of(), List.of(), "cli"), maxFrames);
        } catch (EngineException e) {
            engine.close();
            throw new UsageException(e.getMessage());
        }
        PrintStream out = System.out;
        AtomicBoolean printed = new AtomicBoolean();
        Runnable finish = () -> {
            engine.close();
            if (printed.compareAndSet(false, true)) {
                out.println(take.folder());
                out.flush();
            }
        };
        Thread hook = new Thread(finish, "taperoom-record-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        Thread progress = null;
        if (Terminal.isStdout()) {
            progress = new Thread(() -> showProgress(engine, ended), "taperoom-progress");
            progress.setDaemon(true);
            progress.start();
        }
        String error = ended.get();
        if (progress != null) progress.join(1000);
        finish.run();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs already and prints nothing more
        }
        if (!error.isEmpty()) {
            System.err.println("taperoom record: the take ended early: " + error);
            return 1;
        }
        return 0;
    }

    private static void showProgress(RecordingEngine engine, CompletableFuture<String> ended) {
        MeterSnapshot m = new MeterSnapshot(engine.status().channels());
        while (!ended.isDone()) {
            engine.readMeters(m);
            System.err.print("\r" + ConsoleMeters.progressLine(engine.status(), m) + "\u001b[K");
            System.err.flush();
            try {
                ended.get(250, TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                // not yet: draw again
            }
        }
        System.err.print("\r\u001b[K");
        System.err.flush();
    }
}
