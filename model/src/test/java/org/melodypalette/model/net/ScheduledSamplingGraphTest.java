package org.melodypalette.model.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.melodypalette.model.checkpoint.WeightSet;
import org.melodypalette.model.config.ModelConfig;
import org.melodypalette.model.config.ModelConfig.DecoderKind;
import org.melodypalette.model.config.ModelPresets;
import org.melodypalette.model.data.MelodyTensors;
import org.melodypalette.model.infer.InferenceModel;
import org.melodypalette.model.net.MusicVaeGraph.DecoderInputs;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** What the scheduled-sampling graph feeds its note decoder, checked against the inference model. */
class ScheduledSamplingGraphTest {

    private static final int BATCH = 3;

    @ParameterizedTest
    @ValueSource(strings = {"tiny-test", "tiny-test-hier"})
    void anAllTrueMaskComputesExactlyWhatTheTeacherForcedGraphComputes(String preset) {
        ModelConfig config = ModelPresets.byName(preset);
        WeightSet weights = MusicVaeVariables.initialize(config, 4);
        MusicVaeGraph teacher = MusicVaeGraph.build(config, weights, DataType.FLOAT);
        MusicVaeGraph sampling = MusicVaeGraph.build(config, weights, DataType.FLOAT, DecoderInputs.SCHEDULED_SAMPLING);
        INDArray input = MusicVaeGradientTest.randomOneHot(config, BATCH, 8).castTo(DataType.FLOAT);
        INDArray eps = MusicVaeGradientTest.gaussian(BATCH, config.zSize(), 2).castTo(DataType.FLOAT);

        Map<String, INDArray> expected = teacher.sameDiff().output(teacher.feed(input, eps, 0.3),
                MusicVaeGraph.LOGITS, MusicVaeGraph.LOSS);
        Map<String, INDArray> actual = sampling.sameDiff().output(sampling.feed(input, eps, 0.3),
                MusicVaeGraph.LOGITS, MusicVaeGraph.LOSS);

        assertThat(actual.get(MusicVaeGraph.LOGITS).data().asFloat())
                .containsExactly(expected.get(MusicVaeGraph.LOGITS).data().asFloat());
        assertThat(actual.get(MusicVaeGraph.LOSS).getFloat(0)).isEqualTo(expected.get(MusicVaeGraph.LOSS).getFloat(0));
    }

    /**
     * Every step that may sample does (mask 0), and its noise makes one label certain: the decoder
     * must read that label, except at the first step of the sequence and, hierarchical, of every bar,
     * where Magenta's core decoder always starts from the true previous label.
     */
    @ParameterizedTest
    @ValueSource(strings = {"tiny-test", "tiny-test-hier"})
    void sampledStepsReadTheLabelTheirNoiseChooses(String preset) {
        ModelConfig config = ModelPresets.byName(preset);
        WeightSet weights = MusicVaeVariables.initialize(config, 4);
        MusicVaeGraph graph = MusicVaeGraph.build(config, weights, DataType.FLOAT, DecoderInputs.SCHEDULED_SAMPLING);
        int steps = config.numSteps();
        int segment = config.decoder() == DecoderKind.HIERARCHICAL ? config.stepsPerSegment() : steps;
        int[][] labels = MelodyTensors.argmaxLabels(MusicVaeGradientTest.randomOneHot(config, BATCH, 8), steps);
        INDArray noise = Nd4j.zeros(DataType.FLOAT, BATCH, steps, config.numClasses());
        // fedBack[b][t]: the label step t + 1 reads as its previous output.
        int[][] fedBack = new int[BATCH][steps];
        for (int b = 0; b < BATCH; b++) {
            for (int t = 0; t < steps; t++) {
                int chosen = (7 * b + 3 * t + 2) % config.numClasses();
                noise.putScalar(new long[] {b, t, chosen}, 1000f);
                if (t > 0) {
                    fedBack[b][t - 1] = t % segment == 0 ? labels[b][t - 1] : chosen;
                }
            }
            fedBack[b][steps - 1] = labels[b][steps - 1];
        }
        INDArray eps = MusicVaeGradientTest.gaussian(BATCH, config.zSize(), 2).castTo(DataType.FLOAT);

        Map<String, INDArray> out = graph.sameDiff().output(graph.feed(
                MelodyTensors.oneHot(labels, config.numClasses(), DataType.FLOAT), eps, 0.3,
                Nd4j.zeros(DataType.FLOAT, BATCH, steps), noise), MusicVaeGraph.LOGITS, MusicVaeGraph.Z);
        float[][][] expected;
        try (InferenceModel model = InferenceModel.of(config, weights)) {
            expected = model.teacherForcedLogits(out.get(MusicVaeGraph.Z).toFloatMatrix(), fedBack);
        }

        INDArray logits = out.get(MusicVaeGraph.LOGITS);
        double maxError = 0;
        for (int b = 0; b < BATCH; b++) {
            for (int t = 0; t < steps; t++) {
                for (int c = 0; c < config.numClasses(); c++) {
                    float actual = logits.getFloat((long) b * steps + t, c);
                    maxError = Math.max(maxError, Math.abs(expected[b][t][c] - actual));
                }
            }
        }
        assertThat(maxError).isLessThan(1e-5);
    }
}
