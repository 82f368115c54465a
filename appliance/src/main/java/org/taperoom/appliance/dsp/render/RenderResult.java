package org.taperoom.appliance.dsp.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.taperoom.appliance.dsp.export.OutputFormat;
import org.taperoom.appliance.dsp.loudness.LoudnessFigures;

/**
 * What a render produced and measured.
 *
 * @param before               figures of the master bus (after its EQ and glue compressor) before loudness
 *                             normalisation and the limiter
 * @param after                figures of the file as written (lossy files: as decoded again)
 * @param targetLufs           the normalisation target, or null when normalisation was off
 * @param normalisationGainDb  static gain applied before the limiter
 * @param limiterMaxReductionDb deepest limiter gain reduction (<= 0)
 * @param shortfallLu          how far the integrated loudness stayed below the target (null when within 0.5 LU)
 * @param note                 why it fell short or was not normalised, or null
 * @param stageSeconds         wall-clock seconds per stage (mixing, true_peak, normalising, writing)
 * @param normalisation        the exact gain and limiter the file was written with, for playback to apply
 */
public record RenderResult(Path file, OutputFormat format, int rateHz, long frames, LoudnessFigures before,
                           LoudnessFigures after, Double targetLufs, double ceilingDbtp, double normalisationGainDb,
                           double limiterMaxReductionDb, Double shortfallLu, String note, double elapsedSeconds,
                           java.util.Map<String, Double> stageSeconds, Normalisation normalisation) {

    public double realTimeFactor() {
        return frames / (double) rateHz / elapsedSeconds;
    }

    public ObjectNode toJson(ObjectMapper json) {
        ObjectNode n = json.createObjectNode();
        n.put("file", file.getFileName().toString());
        n.put("format", format.extension());
        n.put("sample_rate", rateHz);
        n.put("frames", frames);
        n.set("before", json.valueToTree(before.toJsonMap()));
        n.set("after", json.valueToTree(after.toJsonMap()));
        if (targetLufs != null) n.put("target_lufs", targetLufs);
        else n.putNull("target_lufs");
        n.put("ceiling_dbtp", ceilingDbtp);
        n.put("normalisation_gain_db", Math.round(normalisationGainDb * 1000) / 1000.0);
        n.put("limiter_max_reduction_db", Math.round(limiterMaxReductionDb * 1000) / 1000.0);
        if (shortfallLu != null) n.put("shortfall_lu", Math.round(shortfallLu * 100) / 100.0);
        else n.putNull("shortfall_lu");
        if (note != null) n.put("note", note);
        else n.putNull("note");
        n.put("render_seconds", Math.round(elapsedSeconds * 1000) / 1000.0);
        // Unrounded: playback applies exactly what the file was written with.
        ObjectNode limiter = n.putObject("limiter");
        limiter.put("input_gain_db", normalisation.gainDb());
        limiter.put("ceiling_linear", normalisation.ceilingLinear());
        limiter.put("lookahead_frames", normalisation.lookaheadFrames());
        limiter.put("release_frames", normalisation.releaseFrames());
        ObjectNode stages = n.putObject("stage_seconds");
        stageSeconds.forEach((k, v) -> stages.put(k, Math.round(v * 1000) / 1000.0));
        return n;
    }
}
