package org.taperoom.web.school;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.taperoom.appliance.panel.PinHash;
import org.taperoom.appliance.song.AtomicFile;

/**
 * The school's people on this appliance: students (name, class, a short login code, the hash of
 * their QR key) and teachers besides the administrator (name, PIN hash). Kept in
 * {@code <library>/.school/roster.json} (the dot keeps it out of the take listing), replaced
 * crash-safely on every change ({@link AtomicFile}: temporary file, fsync, rename, folder fsync)
 * and readable by the service's user only. Thread-safe: every method holds the instance lock
 * (request threads, a few at a time).
 *
 * <p>A login code is six digits, unique on the appliance; every code check compares against every
 * student in constant time per student, so the answer's timing says nothing about which codes
 * exist. A QR key is 256 random bits, shown once (on the printed sheet) and kept only as its
 * SHA-256.
 */
public final class Roster {
    public static final String FILE = ".school/roster.json";
    public static final int CODE_DIGITS = 6;

    public record Student(String id, String name, String className, String code, String qrKeySha256, String created) {}

    public record Teacher(String id, String name, String pinHash) {}

    /** The file's document. */
    record Document(String format, List<Student> students, List<Teacher> teachers) {}

    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String FORMAT = "taperoom-roster/1";

    private final Path file;
    /** Guarded by this. */
    private final List<Student> students = new ArrayList<>();
    /** Guarded by this. */
    private final List<Teacher> teachers = new ArrayList<>();

    public Roster(Path library) throws IOException {
        this.file = library.resolve(FILE);
        if (Files.isRegularFile(file)) {
            Document d = JSON.readValue(file.toFile(), Document.class);
            if (d.students() != null) students.addAll(d.students());
            if (d.teachers() != null) teachers.addAll(d.teachers());
        }
    }

    public synchronized List<Student> students() {
        return List.copyOf(students);
    }

    public synchronized Optional<Student> student(String id) {
        return students.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public synchronized Student addStudent(String name, String className) throws IOException {
        Student s = new Student(newId("s"), name, className, newCode(), "", Instant.now().toString());
        students.add(s);
        save();
        return s;
    }

    /** Removes the student; false when there is none with that id. Their work stays (a teacher's to keep or delete). */
    public synchronized boolean removeStudent(String id) throws IOException {
        boolean removed = students.removeIf(s -> s.id().equals(id));
        if (removed) save();
        return removed;
    }

    /** A new login code for the student (the old one stops working); empty when there is none with that id. */
    public synchronized Optional<Student> renewCode(String id) throws IOException {
        return replace(id, s -> new Student(s.id(), s.name(), s.className(), newCode(), s.qrKeySha256(), s.created()));
    }

    /**
     * A new QR key for the student, returned once: the printed sheet's. The key printed before
     * stops working. Empty when there is no student with that id.
     */
    public synchronized Optional<String> newQrKey(String id) throws IOException {
        String key = token();
        return replace(id, s -> new Student(s.id(), s.name(), s.className(), s.code(), sha256(key), s.created())).map(s -> key);
    }

    /** The student whose login code this is, or empty; compares with every student whatever it finds. */
    public synchronized Optional<Student> byCode(String code) {
        byte[] given = code.getBytes(StandardCharsets.UTF_8);
        Student found = null;
        for (Student s : students) {
            if (MessageDigest.isEqual(s.code().getBytes(StandardCharsets.UTF_8), given)) found = s;
        }
        return Optional.ofNullable(found);
    }

    /** The student whose QR key this is, or empty. */
    public synchronized Optional<Student> byQrKey(String key) {
        byte[] given = sha256(key).getBytes(StandardCharsets.UTF_8);
        Student found = null;
        for (Student s : students) {
            if (!s.qrKeySha256().isEmpty() && MessageDigest.isEqual(s.qrKeySha256().getBytes(StandardCharsets.UTF_8), given)) found = s;
        }
        return Optional.ofNullable(found);
    }

    public synchronized List<Teacher> teachers() {
        return List.copyOf(teachers);
    }

    public synchronized Teacher addTeacher(String name, String pin) throws IOException {
        Teacher t = new Teacher(newId("t"), name, PinHash.of(pin));
        teachers.add(t);
        save();
        return t;
    }

    public synchronized boolean removeTeacher(String id) throws IOException {
        boolean removed = teachers.removeIf(t -> t.id().equals(id));
        if (removed) save();
        return removed;
    }

    /** The teacher whose PIN this is, or empty; every teacher's hash is checked whatever matches. */
    public synchronized Optional<Teacher> teacherByPin(String pin) {
        Teacher found = null;
        for (Teacher t : teachers) {
            if (PinHash.matches(pin, t.pinHash())) found = t;
        }
        return Optional.ofNullable(found);
    }

    private Optional<Student> replace(String id, java.util.function.UnaryOperator<Student> change) throws IOException {
        for (int i = 0; i < students.size(); i++) {
            if (students.get(i).id().equals(id)) {
                Student s = change.apply(students.get(i));
                students.set(i, s);
                save();
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    private void save() throws IOException {
        Path dir = file.getParent();
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
            try {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: its own permissions apply
            }
        }
        AtomicFile.replace(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(new Document(FORMAT, students, teachers)));
    }

    private String newCode() {
        while (true) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < CODE_DIGITS; i++) b.append((char) ('0' + RANDOM.nextInt(10)));
            String code = b.toString();
            if (students.stream().noneMatch(s -> s.code().equals(code))) return code;
        }
    }

    private String newId(String prefix) {
        while (true) {
            String id = prefix + HexFormat.of().formatHex(randomBytes(5));
            if (students.stream().noneMatch(s -> s.id().equals(id)) && teachers.stream().noneMatch(t -> t.id().equals(id))) return id;
        }
    }

    private static String token() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
