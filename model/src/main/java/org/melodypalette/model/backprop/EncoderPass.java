package org.melodypalette.model.backprop;

import java.util.ArrayList;
import java.util.List;

/**
 * The bidirectional encoder, forward and backward, on {@code N} sequences of T labels:
 * <pre>
 *   flat:         layers over [T, N]; layer k+1 reads layer k's outputs [T, N, 2H]
 *   hierarchical: level 0 over every segment, [T/S, N·S] (row n·S + s is segment s of sequence n),
 *                 level 1 over the S segment codes [S, N, 2H0]
 * </pre>
 * giving {@code [N, 2H_last]}.
 */
final class EncoderPass {

    private final boolean hierarchical;
    private final int rows;
    private final int steps;
    private final int segments;
    private final List<BidirectionalLayer> layers = new ArrayList<>();
    /** Flat: per layer but the last, its outputs (the next layer's input). Hierarchical: level 0's codes. */
    private final List<float[]> outputs = new ArrayList<>();
    private final List<float[]> outputGradients = new ArrayList<>();
    private final int[] labels;
    private final float[] finalState;
    private final float[] levelZeroFinal;
    private final float[] levelZeroFinalGradient;

    /**
     * @param sizes    hidden size per layer (flat) or level (hierarchical)
     * @param segments S (1 for a flat encoder)
     */
    EncoderPass(boolean hierarchical, List<Integer> sizes, int classes, int rows, int steps, int segments) {
        this.hierarchical = hierarchical;
        this.rows = rows;
        this.steps = steps;
        this.segments = segments;
        this.labels = new int[rows * steps];
        int last = sizes.get(sizes.size() - 1);
        this.finalState = new float[rows * 2 * last];
        if (hierarchical) {
            int length = steps / segments;
            layers.add(new BidirectionalLayer(classes, sizes.get(0), rows * segments, length));
            layers.add(new BidirectionalLayer(2 * sizes.get(0), sizes.get(1), rows, segments));
            this.levelZeroFinal = new float[rows * segments * 2 * sizes.get(0)];
            this.levelZeroFinalGradient = new float[levelZeroFinal.length];
            outputs.add(new float[rows * segments * 2 * sizes.get(0)]);
            outputGradients.add(new float[rows * segments * 2 * sizes.get(0)]);
            return;
        }
        this.levelZeroFinal = null;
        this.levelZeroFinalGradient = null;
        for (int k = 0; k < sizes.size(); k++) {
            layers.add(new BidirectionalLayer(k == 0 ? classes : 2 * sizes.get(k - 1), sizes.get(k), rows, steps));
            if (k < sizes.size() - 1) {
                outputs.add(new float[steps * rows * 2 * sizes.get(k)]);
                outputGradients.add(new float[steps * rows * 2 * sizes.get(k)]);
            }
        }
    }

    /**
     * @param sequences {@code labels[from + n]} is sequence n of this pass
     * @param weights   per layer or level, (forward, backward)
     * @return {@code [N, 2H_last]}, valid until the next call
     */
    float[] forward(int[][] sequences, int from, List<StepWeights.Directions> weights, Arithmetic math) {
        if (hierarchical) {
            return forwardHierarchical(sequences, from, weights, math);
        }
        for (int t = 0; t < steps; t++) {
            for (int n = 0; n < rows; n++) {
                labels[t * rows + n] = sequences[from + n][t];
            }
        }
        layers.get(0).runOnLabels(weights.get(0).forward(), weights.get(0).backward(), labels, math);
        for (int k = 1; k < layers.size(); k++) {
            layers.get(k - 1).outputs(outputs.get(k - 1));
            layers.get(k).runOnInputs(weights.get(k).forward(), weights.get(k).backward(), outputs.get(k - 1), math);
        }
        layers.get(layers.size() - 1).finalState(finalState);
        return finalState;
    }

    private float[] forwardHierarchical(int[][] sequences, int from, List<StepWeights.Directions> weights,
                                        Arithmetic math) {
        int length = steps / segments;
        int segmentRows = rows * segments;
        for (int l = 0; l < length; l++) {
            for (int n = 0; n < rows; n++) {
                for (int s = 0; s < segments; s++) {
                    labels[l * segmentRows + n * segments + s] = sequences[from + n][s * length + l];
                }
            }
        }
        layers.get(0).runOnLabels(weights.get(0).forward(), weights.get(0).backward(), labels, math);
        layers.get(0).finalState(levelZeroFinal);
        float[] codes = outputs.get(0);
        reorderSegments(levelZeroFinal, codes, true);
        layers.get(1).runOnInputs(weights.get(1).forward(), weights.get(1).backward(), codes, math);
        layers.get(1).finalState(finalState);
        return finalState;
    }

    /** Backprop of the last {@link #forward} from {@code dFinal [N, 2H_last]}. */
    void backward(List<StepWeights.Directions> weights, float[] dFinal, Parameters grads, Arithmetic math) {
        int last = layers.size() - 1;
        // The gradient from above: on the top layer's final state, then on the outputs of the layer
        // below (flat) or on level 0's final states (hierarchical).
        float[] dAbove = dFinal;
        for (int k = last; k >= 0; k--) {
            float[] dx = k > 0 ? outputGradients.get(k - 1) : null;
            boolean onFinalState = k == last || hierarchical;
            layers.get(k).backward(weights.get(k).forward(), weights.get(k).backward(), onFinalState ? null : dAbove,
                    onFinalState ? dAbove : null, grads, dx, math);
            if (dx != null && hierarchical) {
                reorderSegments(levelZeroFinalGradient, dx, false);
                dAbove = levelZeroFinalGradient;
            } else if (dx != null) {
                dAbove = dx;
            }
        }
    }

    /**
     * Level 0's rows {@code [N·S, w]} (row n·S + s: segment s of sequence n) to level 1's time-major
     * {@code [S, N, w]} (row s·N + n) when {@code toLevelOne}, else back.
     */
    private void reorderSegments(float[] levelZero, float[] levelOne, boolean toLevelOne) {
        int width = levelZero.length / (rows * segments);
        for (int n = 0; n < rows; n++) {
            for (int s = 0; s < segments; s++) {
                int zero = (n * segments + s) * width;
                int one = (s * rows + n) * width;
                if (toLevelOne) {
                    System.arraycopy(levelZero, zero, levelOne, one, width);
                } else {
                    System.arraycopy(levelOne, one, levelZero, zero, width);
                }
            }
        }
    }
}
