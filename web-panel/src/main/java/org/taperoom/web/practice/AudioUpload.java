package org.taperoom.web.practice;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.taperoom.web.server.ApiError;

/**
 * An audio file sent as the raw request body (what {@code fetch(url, {body: file})} sends), saved
 * to a temporary file for decoding. Refused with one line before anything is kept: a
 * {@code Content-Type} that is not WAV, FLAC or MP3 (400), an empty body (400), more than
 * {@link #MAX_BYTES} declared or sent (413). The panel's other bodies are JSON and limited to
 * 64 KiB; this one is read as a stream, never held in memory.
 */
final class AudioUpload {
    /** The largest upload: a 10-minute stereo 96 kHz 32-bit float WAV is 461 MB; 512 MiB holds that. */
    static final long MAX_BYTES = 512L * 1024 * 1024;
    static final Set<String> TYPES = Set.of("audio/wav", "audio/x-wav", "audio/wave", "audio/vnd.wave", "audio/flac", "audio/x-flac",
            "audio/mpeg", "audio/mp3");

    private AudioUpload() {}

    /** Saves the body into {@code dir} and returns the file; the caller deletes it. */
    static Path receive(Context ctx, Path dir) throws IOException {
        String type = ctx.contentType() == null ? "" : ctx.contentType().split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (!TYPES.contains(type)) {
            throw new ApiError(400, "Content-Type: " + (type.isEmpty() ? "none" : type)
                    + " is not an audio file; send a WAV (audio/wav), FLAC (audio/flac) or MP3 (audio/mpeg) file");
        }
        long declared = ctx.req().getContentLengthLong();
        if (declared > MAX_BYTES) throw tooLarge();
        Files.createDirectories(dir);
        Path file = Files.createTempFile(dir, "upload-", ".audio");
        long total = 0;
        try (InputStream in = ctx.req().getInputStream(); OutputStream out = Files.newOutputStream(file)) {
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = in.read(buf)) > 0) {
                total += n;
                if (total > MAX_BYTES) throw tooLarge();
                out.write(buf, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        if (total == 0) {
            Files.deleteIfExists(file);
            throw new ApiError(400, "body: empty; send the audio file itself as the body");
        }
        return file;
    }

    private static ApiError tooLarge() {
        return new ApiError(413, "body: larger than " + MAX_BYTES / (1024 * 1024) + " MiB; send a shorter file, or FLAC or MP3 rather than WAV");
    }
}
