package org.melodypalette.model.infer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.melodypalette.testing.SharedData;

/** The magenta.js 1.23.1 golden outputs in {@code ../shared/magenta/golden} for one model. */
final class MagentaGoldens {

    static final List<String> MODELS = List.of(
            "mel_2bar_small_random", "mel_2bar_small_random_q2", "mel_16bar_hier_random_q2");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One encoded melody: its notes {@code [pitch, start, end]}, the converter's labels and mu. */
    record Encoded(String name, int[][] notes, int[] inputLabels, float[] z) {
    }

    /** One argmax decode: z, the labels, and the logits {@code [step][class]} before each argmax. */
    record Decoded(String name, float[] z, int[] outputLabels, float[][] logits, double minMargin) {
    }

    /** interpolate([a, b], n): the interpolated z and each output's notes. */
    record Interpolated(float[][] z, List<int[][]> outputs) {
    }

    private MagentaGoldens() {
    }

    static Path checkpoint(String model) {
        return SharedData.require("magenta/checkpoints/" + model);
    }

    static List<Encoded> encoded(String model) {
        List<Encoded> out = new ArrayList<>();
        for (JsonNode m : read(model, "encode").get("melodies")) {
            out.add(new Encoded(m.get("name").asText(), ints2(m.get("notes")), ints(m.get("input_labels")),
                    floats(m.get("z"))));
        }
        return out;
    }

    /** {@code decode} (the encode.json z) or {@code decode_fixed_z} (zeros, sin, ramp). */
    static List<Decoded> decoded(String model, String kind) {
        JsonNode root = read(model, kind);
        List<Decoded> out = new ArrayList<>();
        for (JsonNode m : root.has("melodies") ? root.get("melodies") : root.get("cases")) {
            float[][] logits = new float[m.get("logits").size()][];
            for (int t = 0; t < logits.length; t++) {
                logits[t] = floats(m.get("logits").get(t));
            }
            out.add(new Decoded(m.get("name").asText(), floats(m.get("z")), ints(m.get("output_labels")), logits,
                    m.get("min_top2_logit_margin").asDouble()));
        }
        return out;
    }

    static Interpolated interpolated(String model) {
        JsonNode root = read(model, "interpolate");
        float[][] z = new float[root.get("z").size()][];
        for (int i = 0; i < z.length; i++) {
            z[i] = floats(root.get("z").get(i));
        }
        List<int[][]> outputs = new ArrayList<>();
        for (JsonNode o : root.get("outputs")) {
            outputs.add(ints2(o));
        }
        return new Interpolated(z, outputs);
    }

    private static JsonNode read(String model, String kind) {
        Path file = SharedData.require("magenta/golden/" + model + "." + kind + ".json");
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int[] ints(JsonNode array) {
        int[] v = new int[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = array.get(i).asInt();
        }
        return v;
    }

    private static int[][] ints2(JsonNode array) {
        int[][] v = new int[array.size()][];
        for (int i = 0; i < v.length; i++) {
            v[i] = ints(array.get(i));
        }
        return v;
    }

    private static float[] floats(JsonNode array) {
        float[] v = new float[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) array.get(i).asDouble();
        }
        return v;
    }
}
