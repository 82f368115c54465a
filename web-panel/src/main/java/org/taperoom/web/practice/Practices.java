package org.taperoom.web.practice;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.taperoom.appliance.song.AtomicFile;

/**
 * The school's practice material and who practises over it, kept in
 * {@code <library>/.school/practice.json} (beside the roster, out of the take listing) and
 * replaced crash-safely on every change. A material is a backing track a teacher gave a class, and
 * perhaps a reference recording of the piece; both are ordinary takes of the library (the
 * teachers'). A practice is a song whose first lanes are the material's backing track and whose
 * lane {@value #TAKE_LANE} holds the student's passes; it belongs to the student who began it.
 * Thread-safe: every method holds the instance lock (request threads).
 */
public final class Practices {
    public static final String FILE = ".school/practice.json";
    /** The lane of a practice's song that the student's passes go to. */
    public static final String TAKE_LANE = "take";

    /**
     * @param backing   the backing track's take id
     * @param reference the reference recording's take id, "" until one is uploaded
     */
    public record Material(String id, String className, String title, String backing, String reference, double seconds, String uploaded) {
        Material withReference(String takeId) {
            return new Material(id, className, title, backing, takeId, seconds, uploaded);
        }
    }

    /** @param student the student's id, or "" for a teacher's practice (the teachers') */
    public record Practice(String id, String student, String material, String created) {
        /** The owner as the take catalog names it: a student's id, or null for the teachers'. */
        public String owner() {
            return student.isEmpty() ? null : student;
        }
    }

    record Document(String format, List<Material> materials, List<Practice> practices) {}

    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final String FORMAT = "taperoom-practice/1";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    /** Guarded by this. */
    private final List<Material> materials = new ArrayList<>();
    /** Guarded by this. */
    private final List<Practice> practices = new ArrayList<>();

    public Practices(Path library) throws IOException {
        this.file = library.resolve(FILE);
        if (Files.isRegularFile(file)) {
            Document d = JSON.readValue(file.toFile(), Document.class);
            if (d.materials() != null) materials.addAll(d.materials());
            if (d.practices() != null) practices.addAll(d.practices());
        }
    }

    public synchronized List<Material> materials() {
        return List.copyOf(materials);
    }

    public synchronized Optional<Material> material(String id) {
        return materials.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    public synchronized Material addMaterial(String className, String title, String backingTake, double seconds) throws IOException {
        String id;
        do {
            byte[] b = new byte[5];
            RANDOM.nextBytes(b);
            id = "m" + HexFormat.of().formatHex(b);
        } while (material(id).isPresent());
        Material m = new Material(id, className, title, backingTake, "", seconds, Instant.now().toString());
        materials.add(m);
        save();
        return m;
    }

    public synchronized Optional<Material> change(String id, UnaryOperator<Material> change) throws IOException {
        for (int i = 0; i < materials.size(); i++) {
            if (materials.get(i).id().equals(id)) {
                materials.set(i, change.apply(materials.get(i)));
                save();
                return Optional.of(materials.get(i));
            }
        }
        return Optional.empty();
    }

    public synchronized List<Practice> practices() {
        return List.copyOf(practices);
    }

    public synchronized Optional<Practice> practice(String id) {
        return practices.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public synchronized Practice addPractice(String songId, String student, String material) throws IOException {
        Practice p = new Practice(songId, student == null ? "" : student, material, Instant.now().toString());
        practices.add(p);
        save();
        return p;
    }

    private void save() throws IOException {
        Files.createDirectories(file.getParent());
        AtomicFile.replace(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(new Document(FORMAT, materials, practices)));
    }
}
