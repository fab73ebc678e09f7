package org.melodypalette.model.net;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.melodypalette.model.checkpoint.WeightSet;
import org.melodypalette.model.checkpoint.WeightsManifest;
import org.melodypalette.model.config.ModelConfig;
import org.melodypalette.model.config.ModelPresets;
import org.melodypalette.model.data.MelodyTensors;
import org.melodypalette.testing.SharedData;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The training graph against magenta.js 1.23.1 on the shared random checkpoints (agreement to
 * about 1e-4 is expected; the inference model's decoding is held to the same goldens in
 * {@code infer.MagentaParityTest}).
 */
class MagentaParityTest {

    private static final double TOLERANCE = 1e-4;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode golden(String model, String kind) throws IOException {
        return JSON.readTree(SharedData.require("magenta/golden/" + model + "." + kind + ".json").toFile());
    }

    private static Set<String> namesAndShapes(WeightSet weights) {
        return weights.tensors().stream().map(t -> t.name() + Arrays.toString(t.shape()))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @ParameterizedTest
    @CsvSource({"cat-mel_2bar_small, mel_2bar_small_random", "hier-mel_16bar_small, mel_16bar_hier_random_q2"})
    void variablesHaveMagentaNamesAndShapes(String preset, String checkpoint) throws IOException {
        WeightSet magenta = WeightsManifest.read(SharedData.require("magenta/checkpoints/" + checkpoint));

        assertThat(namesAndShapes(MusicVaeVariables.initialize(ModelPresets.byName(preset), 1)))
                .isEqualTo(namesAndShapes(magenta));
    }

    /** The 2-bar model through the whole training graph; the 16-bar one through its encoder part only. */
    @ParameterizedTest
    @CsvSource({"cat-mel_2bar_small, mel_2bar_small_random, true",
        "hier-mel_16bar_small, mel_16bar_hier_random_q2, false"})
    void trainingGraphEncoderReproducesMagentaJsZ(String preset, String checkpoint, boolean wholeGraph)
            throws IOException {
        ModelConfig config = ModelPresets.byName(preset);
        WeightSet weights = WeightsManifest.read(SharedData.require("magenta/checkpoints/" + checkpoint));
        JsonNode melodies = golden(checkpoint, "encode").get("melodies");
        INDArray input = MelodyTensors.oneHot(ints(melodies, "input_labels"), config.numClasses(), DataType.FLOAT);

        MusicVaeGraph graph = wholeGraph ? MusicVaeGraph.build(config, weights, DataType.FLOAT)
                : MusicVaeGraph.buildEncoder(config, weights, DataType.FLOAT);
        Map<String, INDArray> feed = wholeGraph
                ? graph.feed(input, Nd4j.zeros(DataType.FLOAT, melodies.size(), config.zSize()), 0)
                : Map.of(MusicVaeGraph.INPUT, input);
        INDArray mu = graph.sameDiff().output(feed, MusicVaeGraph.MU).get(MusicVaeGraph.MU);

        double maxError = Transforms.abs(mu.sub(Nd4j.create(floats(melodies, "z")))).maxNumber().doubleValue();
        assertThat(maxError).isLessThan(TOLERANCE);
    }

    private static float[][] floats(JsonNode melodies, String field) {
        float[][] rows = new float[melodies.size()][];
        for (int m = 0; m < rows.length; m++) {
            rows[m] = JSON.convertValue(melodies.get(m).get(field), float[].class);
        }
        return rows;
    }

    private static int[][] ints(JsonNode melodies, String field) {
        int[][] rows = new int[melodies.size()][];
        for (int m = 0; m < rows.length; m++) {
            rows[m] = JSON.convertValue(melodies.get(m).get(field), int[].class);
        }
        return rows;
    }
}
