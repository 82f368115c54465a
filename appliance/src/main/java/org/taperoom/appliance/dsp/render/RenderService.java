package org.taperoom.appliance.dsp.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.taperoom.appliance.dsp.export.OutputFormat;
import org.taperoom.appliance.dsp.settings.MasterSettings;
import org.taperoom.appliance.dsp.settings.MixSettings;
import org.taperoom.appliance.dsp.settings.RenderSettings;
import org.taperoom.appliance.dsp.settings.SettingsException;
import org.tinylog.Logger;

/**
 * The Java API the web panel calls for mixing and export: a take's settings (get/put, validated),
 * background render jobs (start, poll, cancel) and the list of a take's renders. Renders go to
 * {@code <take>/renders/<yyyyMMdd-HHmmss>-<name>.<ext>} with {@code <file>.json} beside each.
 *
 * <p>Thread-safe. Jobs run one at a time on one background thread (a Pi has few cores, and each
 * render already uses all of them); {@link #close()} cancels what is running.
 */
public final class RenderService implements AutoCloseable {
    public static final String RENDERS_DIR = "renders";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "render-jobs");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, RenderJob> jobs = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(1);
    private final Renderer renderer;
    private final Clock clock;

    public RenderService() {
        this(new Renderer(Renderer.defaultThreads()), Clock.systemDefaultZone());
    }

    public RenderService(Renderer renderer, Clock clock) {
        this.renderer = renderer;
        this.clock = clock;
    }

    /** One rendered file of a take with its stored record ({@code settings}, {@code result}), or null record when unreadable. */
    public record RenderInfo(Path file, long bytes, JsonNode record) {}

    public MixSettings mixSettings(Path take) throws IOException, SettingsException {
        return TakeSettings.mix(take);
    }

    public MixSettings putMixSettings(Path take, String json) throws IOException, SettingsException {
        return TakeSettings.putMix(take, json);
    }

    public MasterSettings masterSettings(Path take) throws IOException, SettingsException {
        return TakeSettings.master(take);
    }

    public MasterSettings putMasterSettings(Path take, String json) throws IOException, SettingsException {
        return TakeSettings.putMaster(take, json);
    }

    /**
     * Starts rendering {@code take} with its stored mix and master settings plus {@code tags} and
     * {@code output} from {@code renderJson} (a render document; its mix/master, when given,
     * override the stored ones). Validation happens now: a bad document throws, no job starts.
     *
     * @param name   short file name part ("mix", "master"); letters, digits, '-' and '_'
     * @param format file extension: wav, flac, mp3 or opus
     */
    public RenderJob start(Path take, String name, String format, String renderJson) throws IOException, SettingsException {
        if (!name.matches("[A-Za-z0-9_-]{1,40}")) throw new SettingsException("name: \"" + name + "\" should be 1-40 letters, digits, - or _");
        return start(take, TakeTracks.find(take), TakeSettings.render(take), name, format, renderJson);
    }

    /**
     * As {@link #start(Path, String, String, String)} for any programme: {@code tracks} with their
     * {@code stored} settings (a song's arrangement and its mix and master), rendered into
     * {@code folder}'s renders.
     */
    public RenderJob start(Path folder, TakeTracks tracks, RenderSettings stored, String name, String format, String renderJson)
            throws IOException, SettingsException {
        if (!name.matches("[A-Za-z0-9_-]{1,40}")) throw new SettingsException("name: \"" + name + "\" should be 1-40 letters, digits, - or _");
        RenderSettings settings = stored;
        if (renderJson != null && !renderJson.isBlank()) {
            RenderSettings given = RenderSettings.parse(renderJson);
            JsonNode raw = RenderRecord.JSON.readTree(renderJson);
            settings = settings.withTags(given.tags()).withOutput(given.output());
            if (raw.has("mix")) settings = settings.withMix(given.mix());
            if (raw.has("master")) settings = settings.withMaster(given.master());
        }
        tracks.check(settings.mix());
        Path file = folder.resolve(RENDERS_DIR).resolve(LocalDateTime.now(clock).format(STAMP) + "-" + name + "." + format);
        try {
            OutputFormat.forPath(file);
        } catch (IllegalArgumentException e) {
            throw new SettingsException("format: \"" + format + "\" is not one of wav, flac, mp3, opus");
        }
        RenderSettings chosen = settings;
        return submit(tracks, () -> chosen, file);
    }

    /** Settings computed on the render thread (the quick mix analyses the tracks first). */
    @FunctionalInterface
    public interface SettingsSource {
        RenderSettings get() throws IOException, SettingsException;
    }

    /** Starts a render to an explicit file with settings made when the job runs (quick mix, tests). */
    public RenderJob submit(TakeTracks tracks, SettingsSource settings, Path file) {
        RenderJob job = new RenderJob(Long.toString(nextId.getAndIncrement()), tracks.dir(), file);
        jobs.put(job.id(), job);
        runner.submit(() -> run(job, tracks, settings));
        return job;
    }

    private void run(RenderJob job, TakeTracks tracks, SettingsSource settings) {
        if (job.cancelRequested()) {
            job.cancelled();
            return;
        }
        job.running();
        try {
            job.progress("analysing", 0);
            job.done(renderer.render(tracks, settings.get(), job.file(), job::progress, job::cancelRequested));
        } catch (CancellationException e) {
            job.cancelled();
        } catch (Exception | OutOfMemoryError e) {
            Logger.warn(e, "render {} of {} failed", job.id(), tracks.dir());
            job.failed(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    /** Work that is more than one render (a release), run on the render thread as a job: progress, cancel, no {@link RenderResult}. */
    @FunctionalInterface
    public interface Task {
        void run(Renderer renderer, RenderProgress progress, java.util.function.BooleanSupplier cancelled) throws Exception;
    }

    /** Starts {@code task} after the jobs before it; the job's file is {@code output} (what the task makes). */
    public RenderJob submitTask(Path take, Path output, Task task) {
        RenderJob job = new RenderJob(Long.toString(nextId.getAndIncrement()), take, output);
        jobs.put(job.id(), job);
        runner.submit(() -> {
            if (job.cancelRequested()) {
                job.cancelled();
                return;
            }
            job.running();
            try {
                task.run(renderer, job::progress, job::cancelRequested);
                job.done(null);
            } catch (CancellationException e) {
                job.cancelled();
            } catch (Exception | OutOfMemoryError e) {
                Logger.warn(e, "job {} for {} failed", job.id(), take);
                job.failed(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
        });
        return job;
    }

    public Optional<RenderJob> job(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    public List<RenderJob> jobs() {
        return List.copyOf(jobs.values());
    }

    /** The take's finished renders, newest first (part files of running renders are not listed). */
    public List<RenderInfo> renders(Path take) throws IOException {
        Path dir = take.resolve(RENDERS_DIR);
        if (!Files.isDirectory(dir)) return List.of();
        List<RenderInfo> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.sorted(Comparator.comparing(Path::toString).reversed()).toList()) {
                String n = p.getFileName().toString();
                if (n.startsWith(".") || n.endsWith(".json")) continue;
                try {
                    OutputFormat.forPath(p);
                } catch (IllegalArgumentException e) {
                    continue;
                }
                JsonNode record = null;
                Path side = RenderRecord.sidecar(p);
                if (Files.isRegularFile(side)) {
                    try {
                        record = RenderRecord.JSON.readTree(side.toFile());
                    } catch (IOException e) {
                        Logger.warn("unreadable render record {}: {}", side, e.getMessage());
                    }
                }
                out.add(new RenderInfo(p, Files.size(p), record));
            }
        }
        return out;
    }

    @Override
    public void close() {
        for (RenderJob j : jobs.values()) j.cancel();
        runner.shutdownNow();
    }
}
