package org.melodypalette.model.backprop;

import org.melodypalette.model.cpu.Rows;
import org.melodypalette.model.layers.ContinuationLayers;

/**
 * The continuation model in training (docs/ARCHITECTURE.md §12), forward and backward, on {@code N}
 * sequences of {@code T} steps, teacher-forced: step t reads {@code [onehot(label_{t−1}) | onehot(t mod P)]}
 * (no label before step 0: a zero one-hot) from a zero initial state and predicts {@code label_t}. Both
 * one-hots are kernel rows of layer 0, so its input share is {@code b' + K[label] + K[C + position]}.
 */
final class LanguageModelPass {

    private final int rows;
    private final int steps;
    private final int classes;
    private final int positions;
    private final LstmStackTape stack;
    private final float[] zeroState;
    private final int[] previous;
    private final int[] targets;
    private final float[] logits;
    private final float[] dTop;
    private final double[] rowLoss;
    /** {@code [max(P, 1)][4·H0]}: layer 0's bias plus the kernel row of each position. */
    private final float[][] positionStarts;

    LanguageModelPass(ContinuationLayers layers, int rows, int steps) {
        this.rows = rows;
        this.steps = steps;
        this.classes = layers.classes();
        this.positions = layers.positions();
        this.stack = new LstmStackTape(layers.sizes(), rows, steps);
        this.zeroState = new float[rows * stack.stateSize()];
        this.previous = new int[steps * rows];
        this.targets = new int[steps * rows];
        this.logits = new float[steps * rows * classes];
        this.dTop = new float[rows * stack.topSize()];
        this.rowLoss = new double[rows];
        this.positionStarts = new float[Math.max(positions, 1)][layers.stack().get(0).gates()];
    }

    /**
     * Runs forward over sequences {@code from .. from + N} of {@code labels}; the probabilities stay for
     * {@link #backward}.
     *
     * @return the summed cross-entropy (nats) and how many steps' argmax equals the label
     */
    Sums forward(ContinuationWeights w, int[][] labels, int from, Arithmetic math) {
        for (int t = 0; t < steps; t++) {
            for (int n = 0; n < rows; n++) {
                int[] sequence = labels[from + n];
                previous[t * rows + n] = t == 0 ? -1 : sequence[t - 1];
                targets[t * rows + n] = sequence[t];
            }
        }
        LstmStepWeights first = w.stack().get(0);
        int g4 = first.gates();
        for (int p = 0; p < positionStarts.length; p++) {
            System.arraycopy(first.gateBias, 0, positionStarts[p], 0, g4);
            if (positions > 0) {
                int k = (classes + p) * g4;
                for (int j = 0; j < g4; j++) {
                    positionStarts[p][j] += first.kernel[k + j];
                }
            }
        }
        stack.begin(zeroState);
        LstmTape top = stack.top();
        int hTop = stack.topSize();
        DenseBackprop output = w.output();
        for (int t = 0; t < steps; t++) {
            float[] start = positionStarts[positions > 0 ? t % positions : 0];
            LayerInputs.gatherGates(first, previous, t * rows, rows, start, 0, stack.tapes[0].gates,
                    stack.tapes[0].gateOffset(t), math);
            stack.step(w.stack(), t, math);
            int lo = t * rows * classes;
            Rows.broadcast(output.bias, classes, logits, lo, rows);
            math.gemm(rows, classes, hTop, top.h, top.stateOffset(t), hTop, 1, output.kernel, 0, classes,
                    logits, lo, classes, true);
        }
        long hits = SoftmaxCrossEntropy.forward(logits, targets, steps * rows, classes, rowLoss, rows);
        double loss = 0;
        for (double l : rowLoss) {
            loss += l;
        }
        return new Sums(loss, hits);
    }

    /** The loss summed over the pass's steps and how many were predicted right. */
    record Sums(double crossEntropy, long hits) {

        Sums plus(Sums other) {
            return new Sums(crossEntropy + other.crossEntropy, hits + other.hits);
        }
    }

    /** Backprop of the last {@link #forward} with loss {@code scale · Σ cross-entropy}: adds every gradient to {@code grads}. */
    void backward(ContinuationWeights w, float scale, Parameters grads, Arithmetic math) {
        SoftmaxCrossEntropy.backward(logits, targets, steps * rows, classes, scale);
        LstmTape top = stack.top();
        int hTop = stack.topSize();
        DenseBackprop output = w.output();
        math.gemm(hTop, classes, steps * rows, top.h, top.stateOffset(0), 1, hTop, logits, 0, classes,
                grads.kernel(output.scope), 0, classes, true);
        Rows.addColumnSums(logits, steps * rows, classes, grads.bias(output.scope));
        stack.beginBackward();
        for (int t = steps - 1; t >= 0; t--) {
            math.gemm(rows, hTop, classes, logits, t * rows * classes, classes, 1, output.transposed, 0, hTop,
                    dTop, 0, hTop, false);
            stack.backStep(w.stack(), t, dTop, math);
        }
        stack.addWeightGradients(w.stack(), grads, math);
        LstmStepWeights first = w.stack().get(0);
        float[] dKernel = grads.kernel(first.scope);
        float[] gateGrads = stack.tapes[0].gateGrads;
        LayerInputs.scatterGradients(first, previous, steps * rows, gateGrads, dKernel, math);
        if (positions > 0) {
            int g4 = first.gates();
            for (int t = 0; t < steps; t++) {
                int k = (classes + t % positions) * g4;
                for (int n = 0; n < rows; n++) {
                    int o = (t * rows + n) * g4;
                    for (int j = 0; j < g4; j++) {
                        dKernel[k + j] += gateGrads[o + j];
                    }
                }
            }
        }
    }

}
