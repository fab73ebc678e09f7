package org.melodypalette.model.infer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.melodypalette.model.api.DecodeOptions;
import org.melodypalette.model.checkpoint.RandomWeights;
import org.melodypalette.model.checkpoint.WeightSet;
import org.melodypalette.model.config.ModelConfig;
import org.melodypalette.model.config.ModelConfig.DecoderKind;
import org.melodypalette.model.config.ModelConfig.EncoderKind;
import org.melodypalette.model.config.ModelPresets;
import org.melodypalette.model.cpu.Rows;

/**
 * The kernel against {@link ReferenceMusicVae} on architectures the goldens do not cover: stacked
 * encoder layers, three decoder layers, odd sizes (padding to whole vectors), both kernels.
 */
class InferenceModelTest {

    private static final ModelConfig TINY = ModelPresets.byName("tiny-test");

    /** Flat: 2 stacked encoder layers of odd sizes, 3 decoder layers, z 6. */
    static final ModelConfig STACKED = TINY.withName("stacked-odd")
            .withEncoder(EncoderKind.FLAT, List.of(12, 10))
            .withDecoder(DecoderKind.FLAT, List.of(9, 7, 5), List.of(), 1)
            .withZSize(6);

    /** Hierarchical both ways, 4 segments of 2 steps, odd sizes everywhere. */
    static final ModelConfig HIERARCHICAL = TINY.withName("hier-odd")
            .withDecoder(DecoderKind.HIERARCHICAL, List.of(9, 3), List.of(7, 5), 4)
            .withEncoder(EncoderKind.HIERARCHICAL, List.of(6, 10))
            .withZSize(6);

    static Stream<Arguments> models() {
        return Stream.of(STACKED, HIERARCHICAL, ModelPresets.byName("tiny-test-hier"))
                .flatMap(c -> Stream.of(Arguments.of(c, "vector"), Arguments.of(c, "scalar")));
    }

    private static InferenceModel model(ModelConfig config, WeightSet weights, String kernel) {
        return kernel.equals("scalar") ? InferenceModel.scalar(config, weights) : InferenceModel.of(config, weights);
    }

    private static int[][] randomLabels(ModelConfig config, int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[][] labels = new int[n][config.numSteps()];
        for (int[] row : labels) {
            for (int t = 0; t < row.length; t++) {
                row[t] = random.nextInt(config.numClasses());
            }
        }
        return labels;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("models")
    void encodeAndTeacherForcedLogitsMatchTheReference(ModelConfig config, String kernel) {
        WeightSet weights = RandomWeights.of(config, 7);
        ReferenceMusicVae reference = new ReferenceMusicVae(config, weights);
        InferenceModel model = model(config, weights, kernel);
        // 7 sequences: blocks of 4, 2 and 1 rows all run.
        int[][] labels = randomLabels(config, 7, 3);

        float[][] z = model.encode(labels);
        float[][][] logits = model.teacherForcedLogits(z, labels);

        double worstZ = 0;
        double worstLogit = 0;
        for (int n = 0; n < labels.length; n++) {
            double[] expectedZ = reference.encode(labels[n]);
            for (int i = 0; i < expectedZ.length; i++) {
                worstZ = Math.max(worstZ, Math.abs(expectedZ[i] - z[n][i]));
            }
            double[] zd = new double[z[n].length];
            for (int i = 0; i < zd.length; i++) {
                zd[i] = z[n][i];
            }
            double[][] expected = reference.teacherForcedLogits(zd, labels[n]);
            for (int t = 0; t < expected.length; t++) {
                for (int c = 0; c < expected[t].length; c++) {
                    worstLogit = Math.max(worstLogit, Math.abs(expected[t][c] - logits[n][t][c]));
                }
            }
        }
        assertThat(worstZ).isLessThan(1e-5);
        assertThat(worstLogit).isLessThan(1e-5);
    }

    @Test
    void argmaxDecodeFollowsItsOwnLogitsAndIsIndependentOfBatching() {
        WeightSet weights = RandomWeights.of(STACKED, 11);
        InferenceModel model = InferenceModel.of(STACKED, weights);
        float[][] z = model.encode(randomLabels(STACKED, 5, 1));

        int[][] together = model.decode(z, DecodeOptions.ARGMAX);
        float[][][] logits = model.teacherForcedLogits(z, together);

        for (int n = 0; n < z.length; n++) {
            assertThat(model.decode(new float[][] {z[n]}, DecodeOptions.ARGMAX)[0]).containsExactly(together[n]);
            for (int t = 0; t < STACKED.numSteps(); t++) {
                assertThat(Rows.argmax(logits[n][t], 0, STACKED.numClasses())).isEqualTo(together[n][t]);
            }
        }
    }

    @Test
    void samplingIsDeterministicPerSeedAndPerSequence() {
        InferenceModel model = InferenceModel.of(STACKED, RandomWeights.of(STACKED, 11));
        float[][] z = model.encode(randomLabels(STACKED, 70, 2));
        DecodeOptions options = new DecodeOptions(1.5, 0.95, 42);

        int[][] first = model.decode(z, options);

        assertThat(model.decode(z, options)).isDeepEqualTo(first);
        // 70 rows are computed in two chunks; row 69 alone gets the same stream only if it is row 0 of a call.
        assertThat(model.decode(java.util.Arrays.copyOf(z, 3), options)).isDeepEqualTo(java.util.Arrays.copyOf(first, 3));
        assertThat(model.decode(z, new DecodeOptions(1.5, 0.95, 43))).isNotEqualTo(first);
    }

    @Test
    void twoThreadsGiveBitIdenticalResults() {
        WeightSet weights = RandomWeights.of(HIERARCHICAL, 3);
        int[][] labels = randomLabels(HIERARCHICAL, 11, 4);
        try (InferenceModel one = InferenceModel.withThreads(HIERARCHICAL, weights, 1);
             InferenceModel two = InferenceModel.withThreads(HIERARCHICAL, weights, 2)) {
            float[][] z = one.encode(labels);
            assertThat(two.encode(labels)).isDeepEqualTo(z);
            assertThat(two.teacherForcedLogits(z, labels)).isDeepEqualTo(one.teacherForcedLogits(z, labels));
            DecodeOptions options = new DecodeOptions(0.8, 1.0, 5);
            assertThat(two.decode(z, options)).isDeepEqualTo(one.decode(z, options));
        }
    }

    @Test
    void rejectsLabelsAndLatentsOfTheWrongShape() {
        InferenceModel model = InferenceModel.of(TINY, RandomWeights.of(TINY, 1));

        assertThatThrownBy(() -> model.encode(new int[][] {new int[3]}))
                .hasMessageContaining("sequence 0 has 3 labels; the model takes 8");
        assertThatThrownBy(() -> model.encode(new int[][] {{0, 0, 0, 0, 0, 0, 0, 90}}))
                .hasMessageContaining("label 90 is outside 0..89");
        assertThatThrownBy(() -> model.decode(new float[][] {new float[5]}, DecodeOptions.ARGMAX))
                .hasMessageContaining("latent vector 0 has 5 values; the model's z has 4");
    }
}
