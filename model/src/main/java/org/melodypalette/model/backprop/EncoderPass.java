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
    /** Per layer but the last: its outputs, the next layer's input; per level of a hierarchical encoder: level 0's codes. */
    private final List<float[]> outputs = new ArrayList<>();
    private final List<float[]> outputGradients = new ArrayList<>();
    private final int[] labels;
    private final float[] finalState;
    private final float[] levelZeroFinal;

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
            outputs.add(new float[rows * segments * 2 * sizes.get(0)]);
            outputGradients.add(new float[rows * segments * 2 * sizes.get(0)]);
            return;
        }
        this.levelZeroFinal = null;
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
    float[] forward(int[][] sequences, int from, List<LstmLayer[]> weights, Arithmetic math) {
        if (hierarchical) {
            return forwardHierarchical(sequences, from, weights, math);
        }
        for (int t = 0; t < steps; t++) {
            for (int n = 0; n < rows; n++) {
                labels[t * rows + n] = sequences[from + n][t];
            }
        }
        layers.get(0).runOnLabels(weights.get(0)[0], weights.get(0)[1], labels, math);
        for (int k = 1; k < layers.size(); k++) {
            layers.get(k - 1).outputs(outputs.get(k - 1));
            layers.get(k).runOnInputs(weights.get(k)[0], weights.get(k)[1], outputs.get(k - 1), math);
        }
        layers.get(layers.size() - 1).finalState(finalState);
        return finalState;
    }

    private float[] forwardHierarchical(int[][] sequences, int from, List<LstmLayer[]> weights, Arithmetic math) {
        int length = steps / segments;
        int segmentRows = rows * segments;
        for (int l = 0; l < length; l++) {
            for (int n = 0; n < rows; n++) {
                for (int s = 0; s < segments; s++) {
                    labels[l * segmentRows + n * segments + s] = sequences[from + n][s * length + l];
                }
            }
        }
        layers.get(0).runOnLabels(weights.get(0)[0], weights.get(0)[1], labels, math);
        layers.get(0).finalState(levelZeroFinal);
        // Level 1 reads segment s of sequence n at time s: [N·S, 2H0] → [S, N, 2H0].
        float[] codes = outputs.get(0);
        int width = levelZeroFinal.length / segmentRows;
        for (int n = 0; n < rows; n++) {
            for (int s = 0; s < segments; s++) {
                System.arraycopy(levelZeroFinal, (n * segments + s) * width, codes, (s * rows + n) * width, width);
            }
        }
        layers.get(1).runOnInputs(weights.get(1)[0], weights.get(1)[1], codes, math);
        layers.get(1).finalState(finalState);
        return finalState;
    }

    /** Backprop of the last {@link #forward} from {@code dFinal [N, 2H_last]}. */
    void backward(List<LstmLayer[]> weights, float[] dFinal, Parameters grads, Arithmetic math) {
        int last = layers.size() - 1;
        float[] dAbove = dFinal;
        for (int k = last; k >= 0; k--) {
            boolean top = k == last;
            float[] dx = k > 0 ? outputGradients.get(k - 1) : null;
            if (hierarchical) {
                layers.get(k).backward(weights.get(k)[0], weights.get(k)[1], null, top ? dFinal : dAbove, grads, dx,
                        math);
            } else {
                layers.get(k).backward(weights.get(k)[0], weights.get(k)[1], top ? null : dAbove,
                        top ? dFinal : null, grads, dx, math);
            }
            if (dx != null) {
                dAbove = hierarchical ? segmentCodeGradients(dx) : dx;
            }
        }
    }

    /** Level 1's input gradient {@code [S, N, 2H0]} back in level 0's row order {@code [N·S, 2H0]}. */
    private float[] segmentCodeGradients(float[] dCodes) {
        int width = levelZeroFinal.length / (rows * segments);
        float[] d = new float[levelZeroFinal.length];
        for (int n = 0; n < rows; n++) {
            for (int s = 0; s < segments; s++) {
                System.arraycopy(dCodes, (s * rows + n) * width, d, (n * segments + s) * width, width);
            }
        }
        return d;
    }
}
