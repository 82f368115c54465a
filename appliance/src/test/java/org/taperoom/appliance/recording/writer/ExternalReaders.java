package org.taperoom.appliance.recording.writer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What sox (soxi) and ffmpeg (ffprobe) make of a file: the independent readers the tests trust. */
public final class ExternalReaders {
    private ExternalReaders() {}

    /** soxi's view: rate, channels, bits per sample, samples, encoding. */
    public record SoxView(int rateHz, int channels, int bits, long samples, String encoding) {}

    /** ffprobe's view of the first stream. */
    public record FfView(String codec, int rateHz, int channels, long durationTs, String formatName) {}

    public static SoxView soxi(Path file) throws IOException, InterruptedException {
        String rate = run("soxi", "-r", file.toString());
        String ch = run("soxi", "-c", file.toString());
        String bits = run("soxi", "-b", file.toString());
        String samples = run("soxi", "-s", file.toString());
        String enc = run("soxi", "-e", file.toString());
        return new SoxView(Integer.parseInt(rate.strip()), Integer.parseInt(ch.strip()), Integer.parseInt(bits.strip()),
                Long.parseLong(samples.strip()), enc.strip());
    }

    public static FfView ffprobe(Path file) throws IOException, InterruptedException {
        String json = run("ffprobe", "-v", "error", "-show_streams", "-show_format", "-of", "json", file.toString());
        JsonNode n = new ObjectMapper().readTree(json);
        JsonNode s = n.get("streams").get(0);
        return new FfView(s.get("codec_name").asText(), s.get("sample_rate").asInt(), s.get("channels").asInt(),
                s.has("duration_ts") ? s.get("duration_ts").asLong() : -1, n.get("format").get("format_name").asText());
    }

    /** Decodes the file with ffmpeg to raw S32LE and returns the samples: a full read, not just the header. */
    public static int[] ffmpegDecode(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("ffmpeg", "-v", "error", "-i", file.toString(), "-f", "s32le", "-acodec", "pcm_s32le", "-")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] raw = p.getInputStream().readAllBytes();
        p.waitFor(60, TimeUnit.SECONDS);
        assertEquals(0, p.exitValue(), "ffmpeg decodes " + file);
        int[] out = new int[raw.length / 4];
        java.nio.ByteBuffer.wrap(raw).order(java.nio.ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(out);
        return out;
    }

    static String run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(cmd)).redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", cmd) + " timed out");
        }
        if (p.exitValue() != 0) throw new IOException(String.join(" ", new ArrayList<>(List.of(cmd))) + " failed: " + err.strip());
        return out;
    }
}
