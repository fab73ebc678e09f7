package org.melodypalette.model.backprop;

import java.util.Arrays;

/**
 * One LSTM layer run over {@code T} steps of {@code N} rows, with every activation kept for
 * backprop. Arrays are time-major so that a step is one contiguous block:
 * <pre>
 *   gates     [T, N, 4H]   before step t: the input's share of its gates (bias included);
 *                          after: the activations σ(i), tanh(j), σ(f), σ(o)
 *   c, h      [T+1, N, H]  index 0 is the initial state, index t+1 the state after step t
 *   tanhC     [T, N, H]
 *   gateGrads [T, N, 4H]   after {@link #backStep}: the loss gradient on step t's pre-activation
 *                          gates, which is also the gradient on its input share
 * </pre>
 * The cell, as TF's BasicLSTMCell: {@code c' = σ(i)·tanh(j) + c·σ(f + 1)}, {@code h' = tanh(c')·σ(o)}.
 * Allocated once per training thread and reused every step.
 */
final class LstmTape {

    final int hidden;
    final int rows;
    final int steps;
    final float[] gates;
    final float[] c;
    final float[] h;
    final float[] tanhC;
    final float[] gateGrads;

    LstmTape(int hidden, int rows, int steps) {
        this.hidden = hidden;
        this.rows = rows;
        this.steps = steps;
        this.gates = new float[steps * rows * 4 * hidden];
        this.c = new float[(steps + 1) * rows * hidden];
        this.h = new float[(steps + 1) * rows * hidden];
        this.tanhC = new float[steps * rows * hidden];
        this.gateGrads = new float[steps * rows * 4 * hidden];
    }

    /** Offset of step t's block in {@link #gates} / {@link #gateGrads}. */
    int gateOffset(int t) {
        return t * rows * 4 * hidden;
    }

    /** Offset of the state after step t ({@code t = −1}: the initial state) in {@link #c} / {@link #h}. */
    int stateOffset(int t) {
        return (t + 1) * rows * hidden;
    }

    /** Zero initial state. */
    void beginFromZero() {
        Arrays.fill(c, 0, rows * hidden, 0f);
        Arrays.fill(h, 0, rows * hidden, 0f);
    }

    /**
     * Initial state from {@code state [N, stride]}: c from columns {@code [offset, offset + H)}, h from
     * the next H columns (Magenta's {@code initial_cell_state_from_embedding} split).
     */
    void beginFrom(float[] state, int stride, int offset) {
        for (int n = 0; n < rows; n++) {
            System.arraycopy(state, n * stride + offset, c, n * hidden, hidden);
            System.arraycopy(state, n * stride + offset + hidden, h, n * hidden, hidden);
        }
    }

    /** Step t: adds {@code h_{t−1}·K[in:]} to the input share in {@link #gates}, then the cell update. */
    void step(LstmStepWeights layer, int t, Arithmetic math) {
        int g4 = 4 * hidden;
        int go = gateOffset(t);
        math.gemm(rows, h, stateOffset(t - 1), hidden, 1, layer.packed(LstmStepWeights.Operand.RECURRENT, math),
                gates, go, g4, true);
        math.lstmCell(rows, hidden, gates, go, c, stateOffset(t - 1), stateOffset(t), tanhC, t * rows * hidden, h);
    }

    /**
     * Backprop through step t's cell: {@code dh [N, H]} is the whole gradient on h after step t, {@code dc
     * [N, H]} the gradient on c after step t coming from step t+1 (zeros at the last step), replaced
     * by the gradient on c before step t. Writes step t's {@link #gateGrads}.
     */
    void backStep(int t, float[] dh, float[] dc, Arithmetic math) {
        math.lstmCellBackward(rows, hidden, gates, gateOffset(t), c, stateOffset(t - 1), tanhC, t * rows * hidden, dh,
                dc, gateGrads);
    }

    /** {@code dhPrev [N, H] = dg_t · K[in:]ᵀ}: the gradient step t sends to h before it. */
    void recurrentGradient(LstmStepWeights layer, int t, float[] dhPrev, Arithmetic math) {
        int g4 = 4 * hidden;
        math.gemm(rows, gateGrads, gateOffset(t), g4, 1,
                layer.packed(LstmStepWeights.Operand.RECURRENT_TRANSPOSED, math), dhPrev, 0, hidden, false);
    }

    /**
     * Adds this run's gradients on the recurrent rows of the kernel and on the bias, all steps in
     * one product: {@code dK[in:] += Σ_t h_{t−1}ᵀ·dg_t} ({@code [H, T·N]·[T·N, 4H]}), {@code db += Σ dg}.
     */
    void addRecurrentAndBiasGradients(LstmStepWeights layer, float[] dKernel, float[] dBias, Arithmetic math) {
        int g4 = 4 * hidden;
        math.gemm(hidden, g4, steps * rows, h, 0, 1, hidden, gateGrads, 0, g4,
                dKernel, layer.inputSize * g4, g4, true);
        math.addRows(gateGrads, steps * rows, g4, dBias);
    }
}
