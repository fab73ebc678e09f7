package org.melodypalette.model.backprop;

import java.util.Arrays;
import java.util.List;
import org.melodypalette.model.cpu.Rows;

/**
 * Stacked LSTM layers run step by step ({@code N} rows, {@code T} steps), layer k+1 reading layer
 * k's h of the same step: the decoders' and the conductor's cells. Step-interleaved rather than
 * layer by layer because under scheduled sampling layer 0's input at step t depends on the top
 * layer's output at t−1. Layer 0's input share is written into {@code tapes[0].gates} by the owner
 * before each step; its gradient is in {@code tapes[0].gateGrads} after backprop.
 */
final class LstmStackTape {

    final LstmTape[] tapes;
    private final int[] sizes;
    private final int rows;
    private final int steps;
    private final int stateSize;
    private final float[][] carryH;
    private final float[][] carryC;
    private final float[] dh;
    private final float[] fromAbove;

    LstmStackTape(List<Integer> sizes, int rows, int steps) {
        this.sizes = sizes.stream().mapToInt(Integer::intValue).toArray();
        this.rows = rows;
        this.steps = steps;
        this.tapes = new LstmTape[this.sizes.length];
        this.carryH = new float[this.sizes.length][];
        this.carryC = new float[this.sizes.length][];
        int max = 0;
        int state = 0;
        for (int k = 0; k < this.sizes.length; k++) {
            tapes[k] = new LstmTape(this.sizes[k], rows, steps);
            carryH[k] = new float[rows * this.sizes[k]];
            carryC[k] = new float[rows * this.sizes[k]];
            max = Math.max(max, this.sizes[k]);
            state += 2 * this.sizes[k];
        }
        this.stateSize = state;
        this.dh = new float[rows * max];
        this.fromAbove = new float[rows * max];
    }

    /** {@code Σ 2·H}: the width of an initial state row. */
    int stateSize() {
        return stateSize;
    }

    int topSize() {
        return sizes[sizes.length - 1];
    }

    /** The top layer's tape: its {@code h} after step t starts at {@code stateOffset(t)}. */
    LstmTape top() {
        return tapes[tapes.length - 1];
    }

    /** Starts from {@code state [N, Σ2H]}: (c, h) per layer, in layer order. */
    void begin(float[] state) {
        int offset = 0;
        for (int k = 0; k < sizes.length; k++) {
            tapes[k].beginFrom(state, stateSize, offset);
            offset += 2 * sizes[k];
        }
    }

    /** Step t of every layer; layer 0's input share of step t must already be in its gates. */
    void step(List<LstmStepWeights> layers, int t, Arithmetic math) {
        tapes[0].step(layers.get(0), t, math);
        for (int k = 1; k < sizes.length; k++) {
            LstmStepWeights layer = layers.get(k);
            int g4 = layer.gates();
            int go = tapes[k].gateOffset(t);
            Rows.broadcast(layer.gateBias, g4, tapes[k].gates, go, rows);
            math.gemm(rows, tapes[k - 1].h, tapes[k - 1].stateOffset(t), sizes[k - 1], 1,
                    layer.packed(LstmStepWeights.Operand.INPUT, math), tapes[k].gates, go, g4, true);
            tapes[k].step(layer, t, math);
        }
    }

    /** Clears the gradients carried between steps; call before the first {@link #backStep}. */
    void beginBackward() {
        for (int k = 0; k < sizes.length; k++) {
            Arrays.fill(carryH[k], 0f);
            Arrays.fill(carryC[k], 0f);
        }
    }

    /**
     * Backprop through step t (call for t = T−1 down to 0); {@code dTop [N, H_top]} is the outside
     * gradient on the top h.
     */
    void backStep(List<LstmStepWeights> layers, int t, float[] dTop, Arithmetic math) {
        for (int k = sizes.length - 1; k >= 0; k--) {
            int size = rows * sizes[k];
            float[] outside = k == sizes.length - 1 ? dTop : fromAbove;
            for (int i = 0; i < size; i++) {
                dh[i] = carryH[k][i] + outside[i];
            }
            LstmStepWeights layer = layers.get(k);
            tapes[k].backStep(t, dh, carryC[k], math);
            tapes[k].recurrentGradient(layer, t, carryH[k], math);
            if (k > 0) {
                int g4 = layer.gates();
                math.gemm(rows, tapes[k].gateGrads, tapes[k].gateOffset(t), g4, 1,
                        layer.packed(LstmStepWeights.Operand.INPUT_TRANSPOSED, math), fromAbove, 0, sizes[k - 1], false);
            }
        }
    }

    /** After backprop through step 0: {@code dState [N, Σ2H]}, the gradient on the initial state. */
    void initialStateGradient(float[] dState) {
        int offset = 0;
        for (int k = 0; k < sizes.length; k++) {
            int size = sizes[k];
            for (int n = 0; n < rows; n++) {
                System.arraycopy(carryC[k], n * size, dState, n * stateSize + offset, size);
                System.arraycopy(carryH[k], n * size, dState, n * stateSize + offset + size, size);
            }
            offset += 2 * size;
        }
    }

    /** Adds every layer's recurrent, bias and (layers above 0) input kernel gradients. */
    void addWeightGradients(List<LstmStepWeights> layers, Parameters grads, Arithmetic math) {
        for (int k = 0; k < sizes.length; k++) {
            LstmStepWeights layer = layers.get(k);
            float[] dKernel = grads.kernel(layer.scope);
            tapes[k].addRecurrentAndBiasGradients(layer, dKernel, grads.bias(layer.scope), math);
            if (k > 0) {
                int g4 = layer.gates();
                int below = sizes[k - 1];
                math.gemm(below, g4, steps * rows, tapes[k - 1].h, tapes[k - 1].stateOffset(0), 1, below,
                        tapes[k].gateGrads, 0, g4, dKernel, 0, g4, true);
            }
        }
    }
}
