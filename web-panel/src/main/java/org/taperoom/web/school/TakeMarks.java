package org.taperoom.web.school;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.taperoom.appliance.song.AtomicFile;

/**
 * What teachers add to a student's take: keep it past the expiry, and a feedback note the student
 * reads. Kept in {@code school.json} beside take.json (so it moves with the take's folder on a
 * rename or to the trash), replaced crash-safely.
 */
public record TakeMarks(boolean keep, String feedback) {
    public static final String FILE = "school.json";
    public static final TakeMarks NONE = new TakeMarks(false, "");
    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public static TakeMarks read(Path takeFolder) {
        Path f = takeFolder.resolve(FILE);
        if (!Files.isRegularFile(f)) return NONE;
        try {
            TakeMarks m = JSON.readValue(f.toFile(), TakeMarks.class);
            return new TakeMarks(m.keep(), m.feedback() == null ? "" : m.feedback());
        } catch (IOException e) {
            return NONE;
        }
    }

    public void write(Path takeFolder) throws IOException {
        AtomicFile.replace(takeFolder.resolve(FILE), JSON.writeValueAsString(this));
    }

    public TakeMarks withKeep(boolean k) {
        return new TakeMarks(k, feedback);
    }

    public TakeMarks withFeedback(String f) {
        return new TakeMarks(keep, f);
    }
}
