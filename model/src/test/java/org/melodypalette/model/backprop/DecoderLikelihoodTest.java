package org.melodypalette.model.backprop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.melodypalette.model.api.DecodeOptions;
import org.melodypalette.model.checkpoint.RandomWeights;
import org.melodypalette.model.checkpoint.WeightSet;
import org.melodypalette.model.checkpoint.WeightTensor;
import org.melodypalette.model.config.ModelConfig;
import org.melodypalette.model.config.ModelPresets;
import org.melodypalette.model.infer.InferenceModel;

/**
 * The decoder's likelihood for given codes: its NLL and mistakes are the inference kernel's
 * teacher-forced cross-entropy and argmax, and its dNLL/dz is the central difference of that NLL,
 * for the flat and the hierarchical decoder; with per-bar offsets, the same against the kernel's
 * decode with those offsets, and dNLL/dBars is the central difference on the offsets.
 */
class DecoderLikelihoodTest {

    static final int BATCH = 3;

    @ParameterizedTest
    @ValueSource(strings = {"tiny-test", "tiny-test-hier"})
    void nllAndMistakesAreTheInferenceKernelsTeacherForcedFigures(String preset) {
        ModelConfig config = ModelPresets.byName(preset);
        WeightSet weights = RandomWeights.of(config, 21);
        float[][] z = randomCodes(config, new SplittableRandom(3));
        int[][] labels = randomLabels(config, new SplittableRandom(4));

        DecoderLikelihood.Result result = DecoderLikelihood.create(config, arrays(weights), BATCH)
                .evaluate(flat(z), labels);

        try (InferenceModel model = InferenceModel.of(config, weights)) {
            float[][][] logits = model.teacherForcedLogits(z, labels);
            for (int b = 0; b < BATCH; b++) {
                double nll = 0;
                int mistakes = 0;
                for (int t = 0; t < config.numSteps(); t++) {
                    float[] row = logits[b][t];
                    double max = Double.NEGATIVE_INFINITY;
                    int best = 0;
                    for (int c = 0; c < row.length; c++) {
                        if (row[c] > max) {
                            max = row[c];
                            best = c;
                        }
                    }
                    double sum = 0;
                    for (float v : row) {
                        sum += Math.exp(v - max);
                    }
                    nll -= row[labels[b][t]] - max - Math.log(sum);
                    mistakes += best == labels[b][t] ? 0 : 1;
                }
                assertThat(result.nll()[b]).isCloseTo(nll, within(1e-3 * nll));
                assertThat(result.mistakes()[b]).isEqualTo(mistakes);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tiny-test", "tiny-test-hier"})
    void gradientOnZIsTheCentralDifferenceOfTheNll(String preset) {
        ModelConfig config = ModelPresets.byName(preset);
        Map<String, float[]> weights = arrays(RandomWeights.of(config, 22));
        float[] z = flat(randomCodes(config, new SplittableRandom(5)));
        int[][] labels = randomLabels(config, new SplittableRandom(6));
        DecoderLikelihood likelihood = DecoderLikelihood.create(config, weights, BATCH);
        float[] gradient = likelihood.evaluate(z, labels).dz().clone();
        double largest = 0;
        for (float g : gradient) {
            largest = Math.max(largest, Math.abs(g));
        }
        assertThat(largest).as("a gradient worth checking").isGreaterThan(1e-2);

        // Every entry, in float32: a step of 1e-2 keeps rounding (~1e-5) and curvature (~1e-4) small.
        float step = 1e-2f;
        for (int i = 0; i < z.length; i++) {
            float original = z[i];
            z[i] = original + step;
            double plus = total(likelihood.evaluate(z, labels).nll());
            z[i] = original - step;
            double minus = total(likelihood.evaluate(z, labels).nll());
            z[i] = original;
            double numeric = (plus - minus) / (2 * step);
            assertThat((double) gradient[i]).as("dNLL/dz[%d]", i).isCloseTo(numeric, within(2e-3 + 2e-2 * Math.abs(numeric)));
        }
    }

    @Test
    void gradientOnTheBarEmbeddingsIsTheCentralDifferenceOfTheNllInTheirOffsets() {
        ModelConfig config = ModelPresets.byName("tiny-test-hier");
        Map<String, float[]> weights = arrays(RandomWeights.of(config, 23));
        float[] z = flat(randomCodes(config, new SplittableRandom(7)));
        float[] offsets = randomOffsets(config, new SplittableRandom(8));
        int[][] labels = randomLabels(config, new SplittableRandom(9));
        DecoderLikelihood likelihood = DecoderLikelihood.create(config, weights, BATCH);
        float[] gradient = likelihood.evaluate(z, offsets, labels).dBars().clone();
        assertThat(gradient).hasSize(offsets.length);
        double largest = 0;
        for (float g : gradient) {
            largest = Math.max(largest, Math.abs(g));
        }
        assertThat(largest).as("a gradient worth checking").isGreaterThan(1e-2);

        float step = 1e-2f;
        for (int i = 0; i < offsets.length; i++) {
            float original = offsets[i];
            offsets[i] = original + step;
            double plus = total(likelihood.evaluate(z, offsets, labels).nll());
            offsets[i] = original - step;
            double minus = total(likelihood.evaluate(z, offsets, labels).nll());
            offsets[i] = original;
            double numeric = (plus - minus) / (2 * step);
            assertThat((double) gradient[i]).as("dNLL/dBars[%d]", i)
                    .isCloseTo(numeric, within(2e-3 + 2e-2 * Math.abs(numeric)));
        }
    }

    @Test
    void withBarOffsetsTheMistakesAreThoseOfTheKernelsDecodeWithTheSameOffsets() {
        ModelConfig config = ModelPresets.byName("tiny-test-hier");
        WeightSet weights = RandomWeights.of(config, 24);
        float[][] z = randomCodes(config, new SplittableRandom(10));
        float[] offsets = randomOffsets(config, new SplittableRandom(11));
        int size = DecoderLikelihood.barOffsetSize(config);
        float[][] perCode = new float[BATCH][];
        for (int b = 0; b < BATCH; b++) {
            perCode[b] = Arrays.copyOfRange(offsets, b * size, (b + 1) * size);
        }
        DecoderLikelihood likelihood = DecoderLikelihood.create(config, arrays(weights), BATCH);

        try (InferenceModel model = InferenceModel.of(config, weights)) {
            // The kernel's argmax decode with offsets, fed back as the melody, has no teacher-forced
            // mistake exactly when the offsets reach the likelihood's bars; without them it has some.
            int[][] decoded = model.decode(z, perCode, DecodeOptions.ARGMAX);
            int[][] plain = model.decode(z, DecodeOptions.ARGMAX);
            assertThat(Arrays.deepEquals(decoded, plain)).as("the offsets change the decode").isFalse();

            assertThat(likelihood.evaluate(flat(z), offsets, decoded).mistakes()).containsOnly(0);
            assertThat(Arrays.stream(likelihood.evaluate(flat(z), decoded).mistakes()).sum()).isPositive();
            assertThat(model.decode(z, new float[BATCH][size], DecodeOptions.ARGMAX))
                    .isDeepEqualTo(plain);
        }
    }

    @Test
    void refusesInputsOfTheWrongSize() {
        ModelConfig config = ModelPresets.byName("tiny-test");
        DecoderLikelihood likelihood = DecoderLikelihood.create(config, arrays(RandomWeights.of(config, 1)), BATCH);
        int[][] labels = randomLabels(config, new SplittableRandom(1));

        assertThatThrownBy(() -> likelihood.evaluate(new float[5], labels))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("z has 5 values");
        ModelConfig hier = ModelPresets.byName("tiny-test-hier");
        DecoderLikelihood bars = DecoderLikelihood.create(hier, arrays(RandomWeights.of(hier, 1)), BATCH);
        assertThatThrownBy(() -> bars.evaluate(new float[BATCH * hier.zSize()], new float[3],
                randomLabels(hier, new SplittableRandom(2))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bar offsets have 3 values");
        labels[1][2] = config.numClasses();
        assertThatThrownBy(() -> likelihood.evaluate(new float[BATCH * config.zSize()], labels))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("melody 1 has label");
    }

    private static double total(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum;
    }

    static float[][] randomCodes(ModelConfig config, SplittableRandom random) {
        float[][] z = new float[BATCH][config.zSize()];
        for (float[] row : z) {
            for (int d = 0; d < row.length; d++) {
                row[d] = (float) random.nextGaussian();
            }
        }
        return z;
    }

    /** Offsets of the size of the bar embeddings (LSTM outputs in (−1, 1)), large enough to change the decode. */
    static float[] randomOffsets(ModelConfig config, SplittableRandom random) {
        float[] offsets = new float[BATCH * DecoderLikelihood.barOffsetSize(config)];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = (float) random.nextGaussian();
        }
        return offsets;
    }

    static int[][] randomLabels(ModelConfig config, SplittableRandom random) {
        int[][] labels = new int[BATCH][config.numSteps()];
        for (int[] row : labels) {
            for (int t = 0; t < row.length; t++) {
                row[t] = random.nextInt(config.numClasses());
            }
        }
        return labels;
    }

    static float[] flat(float[][] rows) {
        int width = rows[0].length;
        float[] out = new float[rows.length * width];
        for (int b = 0; b < rows.length; b++) {
            System.arraycopy(rows[b], 0, out, b * width, width);
        }
        return out;
    }

    static Map<String, float[]> arrays(WeightSet weights) {
        Map<String, float[]> arrays = new LinkedHashMap<>();
        for (WeightTensor t : weights.tensors()) {
            arrays.put(t.name(), t.values());
        }
        return arrays;
    }
}
