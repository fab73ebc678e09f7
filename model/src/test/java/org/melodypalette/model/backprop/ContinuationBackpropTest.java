package org.melodypalette.model.backprop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.melodypalette.model.config.ComputeOptions;
import org.melodypalette.model.config.ContinuationConfig;
import org.melodypalette.model.config.ContinuationPresets;
import org.melodypalette.model.layers.ContinuationLayers;
import org.melodypalette.model.layers.LstmSpec;

/**
 * The continuation model's hand-written gradient against central finite differences of an
 * independent double-precision forward pass written straight from docs/ARCHITECTURE.md §3 and §11.
 */
class ContinuationBackpropTest {

    private static final int BATCH = 3;
    private static final int STEPS = 6;
    private static final double STEP = 1e-5;

    @ParameterizedTest(name = "{0} kernel, {1} thread(s), positions {2}")
    @CsvSource({"SCALAR, 1, true", "VECTOR, 2, true", "SCALAR, 1, false"})
    void gradientMatchesFiniteDifferencesOfADoubleForward(ComputeOptions.Kernel kernel, int threads, boolean positions) {
        ContinuationConfig config = ContinuationPresets.byName("continue_tiny").withLayers(List.of(3, 4))
                .withPositionConditioning(positions);
        ContinuationLayers layers = ContinuationLayers.of(config);
        Map<String, float[]> weights = randomWeights(layers, 7);
        int[][] labels = randomLabels(config.numClasses(), 11);
        try (ContinuationBackprop backprop = ContinuationBackprop.create(config, weights, BATCH, STEPS, threads, kernel)) {
            ContinuationBackprop.Result result = backprop.step(weights, labels);
            Map<String, double[]> reference = asDoubles(weights);
            assertThat(result.loss()).isCloseTo(loss(layers, reference, labels), org.assertj.core.api.Assertions.within(1e-5));
            SplittableRandom random = new SplittableRandom(3);
            int checked = 0;
            for (Map.Entry<String, double[]> variable : reference.entrySet()) {
                double[] values = variable.getValue();
                float[] gradient = result.gradients().get(variable.getKey());
                for (int k = 0; k < 25; k++) {
                    int i = pickEntry(variable.getKey(), values.length, labels, layers, random);
                    double original = values[i];
                    values[i] = original + STEP;
                    double plus = loss(layers, reference, labels);
                    values[i] = original - STEP;
                    double minus = loss(layers, reference, labels);
                    values[i] = original;
                    double numeric = (plus - minus) / (2 * STEP);
                    assertThat(Math.abs(gradient[i] - numeric))
                            .as("%s[%d]: backprop %s, finite differences %s", variable.getKey(), i, gradient[i], numeric)
                            .isLessThan(1e-6 + 1e-3 * Math.abs(numeric));
                    checked++;
                }
            }
            assertThat(checked).isEqualTo(25 * reference.size());
        }
    }

    @Test
    void refusesLabelsOutsideTheClasses() {
        ContinuationConfig config = ContinuationPresets.byName("continue_tiny");
        Map<String, float[]> weights = randomWeights(ContinuationLayers.of(config), 1);
        int[][] labels = randomLabels(config.numClasses(), 2);
        labels[1][2] = config.numClasses();
        try (ContinuationBackprop backprop = ContinuationBackprop.create(config, weights, BATCH, STEPS, 1,
                ComputeOptions.Kernel.SCALAR)) {
            assertThatThrownBy(() -> backprop.step(weights, labels)).hasMessageContaining("sequence 1 has label 90");
        }
    }

    /**
     * Half the checked entries of layer 0's kernel are rows the one-hots select (the others have a
     * zero gradient); every other entry is drawn uniformly.
     */
    private static int pickEntry(String name, int length, int[][] labels, ContinuationLayers layers,
                                 SplittableRandom random) {
        LstmSpec first = layers.stack().get(0);
        if (name.equals(first.kernel()) && random.nextBoolean()) {
            int row = random.nextBoolean() || layers.positions() == 0
                    ? labels[random.nextInt(BATCH)][random.nextInt(STEPS - 1)]
                    : layers.classes() + random.nextInt(layers.positions());
            return row * first.gates() + random.nextInt(first.gates());
        }
        return random.nextInt(length);
    }

    /** Mean cross-entropy per step, every sum in double. */
    private static double loss(ContinuationLayers layers, Map<String, double[]> w, int[][] labels) {
        List<LstmSpec> stack = layers.stack();
        int classes = layers.classes();
        int positions = layers.positions();
        double total = 0;
        for (int[] sequence : labels) {
            double[][] c = new double[stack.size()][];
            double[][] h = new double[stack.size()][];
            for (int k = 0; k < stack.size(); k++) {
                c[k] = new double[stack.get(k).hidden()];
                h[k] = new double[stack.get(k).hidden()];
            }
            for (int t = 0; t < sequence.length; t++) {
                double[] x = new double[classes + positions];
                if (t > 0) {
                    x[sequence[t - 1]] = 1;
                }
                if (positions > 0) {
                    x[classes + t % positions] = 1;
                }
                for (int k = 0; k < stack.size(); k++) {
                    LstmSpec spec = stack.get(k);
                    double[][] next = lstmStep(w.get(spec.kernel()), w.get(spec.bias()), x, c[k], h[k]);
                    c[k] = next[0];
                    h[k] = next[1];
                    x = h[k];
                }
                double[] logits = w.get(layers.output().bias()).clone();
                double[] kernel = w.get(layers.output().kernel());
                for (int i = 0; i < x.length; i++) {
                    for (int o = 0; o < classes; o++) {
                        logits[o] += x[i] * kernel[i * classes + o];
                    }
                }
                double max = Double.NEGATIVE_INFINITY;
                for (double l : logits) {
                    max = Math.max(max, l);
                }
                double sum = 0;
                for (double l : logits) {
                    sum += Math.exp(l - max);
                }
                total -= logits[sequence[t]] - max - Math.log(sum);
            }
        }
        return total / (labels.length * labels[0].length);
    }

    /** TF BasicLSTMCell (forget bias 1), kernel {@code [in + H, 4H]} row-major, gates i, j, f, o. */
    private static double[][] lstmStep(double[] kernel, double[] bias, double[] x, double[] c, double[] h) {
        int hidden = c.length;
        int g4 = 4 * hidden;
        double[] g = bias.clone();
        for (int row = 0; row < x.length + hidden; row++) {
            double v = row < x.length ? x[row] : h[row - x.length];
            for (int k = 0; k < g4; k++) {
                g[k] += v * kernel[row * g4 + k];
            }
        }
        double[] c2 = new double[hidden];
        double[] h2 = new double[hidden];
        for (int u = 0; u < hidden; u++) {
            double i = sigmoid(g[u]);
            double j = Math.tanh(g[hidden + u]);
            double f = sigmoid(g[2 * hidden + u] + 1.0);
            double o = sigmoid(g[3 * hidden + u]);
            c2[u] = i * j + c[u] * f;
            h2[u] = Math.tanh(c2[u]) * o;
        }
        return new double[][] {c2, h2};
    }

    private static double sigmoid(double v) {
        return 1 / (1 + Math.exp(-v));
    }

    static Map<String, float[]> randomWeights(ContinuationLayers layers, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, float[]> weights = new LinkedHashMap<>();
        layers.shapes().forEach((name, shape) -> {
            int n = 1;
            for (int d : shape) {
                n *= d;
            }
            float[] values = new float[n];
            for (int i = 0; i < n; i++) {
                values[i] = (float) (random.nextDouble(-0.5, 0.5));
            }
            weights.put(name, values);
        });
        return weights;
    }

    private static int[][] randomLabels(int classes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[][] labels = new int[BATCH][STEPS];
        for (int[] sequence : labels) {
            for (int t = 0; t < STEPS; t++) {
                // Mostly a few classes, so one-hot rows repeat, with now and then any class.
                sequence[t] = random.nextInt(4) == 0 ? random.nextInt(classes) : random.nextInt(5);
            }
        }
        return labels;
    }

    /** The weights as doubles, exactly (every float is a double). */
    private static Map<String, double[]> asDoubles(Map<String, float[]> weights) {
        Map<String, double[]> doubles = new LinkedHashMap<>();
        weights.forEach((name, values) -> {
            double[] d = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                d[i] = values[i];
            }
            doubles.put(name, d);
        });
        return doubles;
    }
}
