package org.melodypalette.model.backprop;

import java.util.Arrays;

/**
 * One bidirectional encoder layer (Magenta's BidirectionalLstmEncoder, docs/ARCHITECTURE.md §4) over
 * {@code N} rows of {@code T} steps, forward and backward: both directions start from zero states;
 * the backward direction runs over the time-reversed input. Its outputs, time-major, are
 * {@code [T, N, 2H]} with step t = {@code concat(fw h_t, bw h_t)}, and its final state
 * {@code [N, 2H]} = {@code concat(fw h after step T−1, bw h after step 0)}.
 */
final class BidirectionalLayer {

    private final int inputSize;
    private final int hidden;
    private final int rows;
    private final int steps;
    private final LstmTape forward;
    private final LstmTape backward;
    private final int[] reversedLabels;
    private final float[] reversedInput;
    private float[] input;
    private int[] labels;
    private final float[] dh;
    private final float[] dc;
    private final float[] dhRecurrent;
    private final float[] reversedInputGradient;

    BidirectionalLayer(int inputSize, int hidden, int rows, int steps) {
        this.inputSize = inputSize;
        this.hidden = hidden;
        this.rows = rows;
        this.steps = steps;
        this.forward = new LstmTape(hidden, rows, steps);
        this.backward = new LstmTape(hidden, rows, steps);
        this.reversedLabels = new int[steps * rows];
        this.reversedInput = new float[steps * rows * inputSize];
        this.reversedInputGradient = new float[steps * rows * inputSize];
        this.dh = new float[rows * hidden];
        this.dc = new float[rows * hidden];
        this.dhRecurrent = new float[rows * hidden];
    }

    /** Runs on one-hot inputs: {@code labels [T, N]} time-major. */
    void runOnLabels(LstmStepWeights fw, LstmStepWeights bw, int[] labels, Arithmetic math) {
        this.labels = labels;
        this.input = null;
        int count = steps * rows;
        LayerInputs.gatherGates(fw, labels, 0, count, fw.gateBias, 0, forward.gates, 0, math);
        reverseTime(labels, reversedLabels, rows);
        LayerInputs.gatherGates(bw, reversedLabels, 0, count, bw.gateBias, 0, backward.gates, 0, math);
        run(fw, forward, math);
        run(bw, backward, math);
    }

    /** Runs on dense inputs: {@code x [T, N, in]} time-major (kept, not copied, until {@link #backward}). */
    void runOnInputs(LstmStepWeights fw, LstmStepWeights bw, float[] x, Arithmetic math) {
        this.labels = null;
        this.input = x;
        int count = steps * rows;
        LayerInputs.projectGates(fw, x, count, forward.gates, math);
        reverseTime(x, reversedInput, rows * inputSize);
        LayerInputs.projectGates(bw, reversedInput, count, backward.gates, math);
        run(fw, forward, math);
        run(bw, backward, math);
    }

    private void run(LstmStepWeights layer, LstmTape tape, Arithmetic math) {
        tape.beginFromZero();
        for (int t = 0; t < steps; t++) {
            tape.step(layer, t, math);
        }
    }

    /** {@code out [N, 2H]}: the final state. */
    void finalState(float[] out) {
        int last = forward.stateOffset(steps - 1);
        for (int n = 0; n < rows; n++) {
            System.arraycopy(forward.h, last + n * hidden, out, n * 2 * hidden, hidden);
            System.arraycopy(backward.h, last + n * hidden, out, n * 2 * hidden + hidden, hidden);
        }
    }

    /** {@code out [T, N, 2H]}: the outputs of every step. */
    void outputs(float[] out) {
        for (int t = 0; t < steps; t++) {
            int fw = forward.stateOffset(t);
            int bw = backward.stateOffset(steps - 1 - t);
            for (int n = 0; n < rows; n++) {
                int o = (t * rows + n) * 2 * hidden;
                System.arraycopy(forward.h, fw + n * hidden, out, o, hidden);
                System.arraycopy(backward.h, bw + n * hidden, out, o + hidden, hidden);
            }
        }
    }

    /**
     * Backprop of the last run: adds both directions' kernel and bias gradients to {@code grads}.
     *
     * @param dOutputs {@code [T, N, 2H]} gradient on {@link #outputs}, or null
     * @param dFinal   {@code [N, 2H]} gradient on {@link #finalState}, or null
     * @param dx       {@code [T, N, in]} set to the gradient on a dense input, or null
     */
    void backward(LstmStepWeights fw, LstmStepWeights bw, float[] dOutputs, float[] dFinal, Parameters grads,
                  float[] dx, Arithmetic math) {
        backwardDirection(fw, forward, 0, dOutputs, dFinal, grads, math);
        backwardDirection(bw, backward, 1, dOutputs, dFinal, grads, math);
        int count = steps * rows;
        if (labels != null) {
            LayerInputs.scatterGradients(fw, labels, count, forward.gateGrads, grads.kernel(fw.scope), math);
            LayerInputs.scatterGradients(bw, reversedLabels, count, backward.gateGrads, grads.kernel(bw.scope), math);
            return;
        }
        LayerInputs.addInputKernelGradient(fw, input, count, forward.gateGrads, grads.kernel(fw.scope), math);
        LayerInputs.addInputKernelGradient(bw, reversedInput, count, backward.gateGrads, grads.kernel(bw.scope), math);
        if (dx != null) {
            LayerInputs.inputGradient(fw, forward.gateGrads, count, dx, false, math);
            LayerInputs.inputGradient(bw, backward.gateGrads, count, reversedInputGradient, false, math);
            int block = rows * inputSize;
            for (int t = 0; t < steps; t++) {
                int to = t * block;
                int from = (steps - 1 - t) * block;
                for (int k = 0; k < block; k++) {
                    dx[to + k] += reversedInputGradient[from + k];
                }
            }
        }
    }

    /** One direction ({@code 0} forward, {@code 1} backward) through all its steps, last first. */
    private void backwardDirection(LstmStepWeights layer, LstmTape tape, int direction, float[] dOutputs,
                                   float[] dFinal, Parameters grads, Arithmetic math) {
        Arrays.fill(dc, 0f);
        Arrays.fill(dhRecurrent, 0f);
        for (int s = steps - 1; s >= 0; s--) {
            // Run step s of the backward direction is time step T−1−s of the outputs.
            int t = direction == 0 ? s : steps - 1 - s;
            for (int n = 0; n < rows; n++) {
                int o = n * hidden;
                int src = (t * rows + n) * 2 * hidden + direction * hidden;
                int fin = n * 2 * hidden + direction * hidden;
                for (int u = 0; u < hidden; u++) {
                    float g = dhRecurrent[o + u];
                    if (dOutputs != null) {
                        g += dOutputs[src + u];
                    }
                    if (dFinal != null && s == steps - 1) {
                        g += dFinal[fin + u];
                    }
                    dh[o + u] = g;
                }
            }
            tape.backStep(s, dh, dc, math);
            if (s > 0) {
                tape.recurrentGradient(layer, s, dhRecurrent, math);
            }
        }
        tape.addRecurrentAndBiasGradients(layer, grads.kernel(layer.scope), grads.bias(layer.scope), math);
    }

    /** {@code dst[t] = src[T−1−t]} for blocks of {@code block} elements. */
    private void reverseTime(int[] src, int[] dst, int block) {
        for (int t = 0; t < steps; t++) {
            System.arraycopy(src, (steps - 1 - t) * block, dst, t * block, block);
        }
    }

    private void reverseTime(float[] src, float[] dst, int block) {
        for (int t = 0; t < steps; t++) {
            System.arraycopy(src, (steps - 1 - t) * block, dst, t * block, block);
        }
    }
}
