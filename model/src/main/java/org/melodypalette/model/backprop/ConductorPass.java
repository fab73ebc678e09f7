package org.melodypalette.model.backprop;

import java.util.List;
import org.melodypalette.model.cpu.Rows;

/**
 * The conductor of Magenta's hierarchical decoder (docs/ARCHITECTURE.md §7), forward and backward: an
 * LSTM stack over the S bars of {@code B} sequences from {@code tanh(z·K + b)}, reading a dummy
 * zero input (so layer 0's input share is its bias); the top h after step s is bar s's embedding.
 */
final class ConductorPass {

    private final int rows;
    private final int steps;
    private final LstmStackTape stack;
    private final float[] state;
    private final float[] dState;
    private final float[] embeddings;
    private final float[] dTop;
    private float[] z;

    ConductorPass(List<Integer> sizes, int rows, int steps) {
        this.rows = rows;
        this.steps = steps;
        this.stack = new LstmStackTape(sizes, rows, steps);
        this.state = new float[rows * stack.stateSize()];
        this.dState = new float[rows * stack.stateSize()];
        this.embeddings = new float[rows * steps * stack.topSize()];
        this.dTop = new float[rows * stack.topSize()];
    }

    /** @return the embeddings {@code [B·S, H]}, row {@code b·S + s} (valid until the next call) */
    float[] forward(DecoderWeights w, float[] z, Arithmetic math) {
        this.z = z;
        w.initialState().forwardTanh(z, rows, state, math);
        stack.begin(state);
        LstmStepWeights first = w.layers().get(0);
        int g4 = first.gates();
        int size = stack.topSize();
        LstmTape top = stack.top();
        for (int s = 0; s < steps; s++) {
            int go = stack.tapes[0].gateOffset(s);
            Rows.broadcast(first.gateBias, g4, stack.tapes[0].gates, go, rows);
            stack.step(w.layers(), s, math);
            for (int b = 0; b < rows; b++) {
                System.arraycopy(top.h, top.stateOffset(s) + b * size, embeddings, (b * steps + s) * size, size);
            }
        }
        return embeddings;
    }

    /**
     * Backprop of the last {@link #forward}: adds the conductor's gradients and {@code dz [B, Z] += …};
     * with {@code grads} null only {@code dz}.
     */
    void backward(DecoderWeights w, float[] dEmbeddings, Parameters grads, float[] dz, Arithmetic math) {
        int size = stack.topSize();
        stack.beginBackward();
        for (int s = steps - 1; s >= 0; s--) {
            for (int b = 0; b < rows; b++) {
                System.arraycopy(dEmbeddings, (b * steps + s) * size, dTop, b * size, size);
            }
            stack.backStep(w.layers(), s, dTop, math);
        }
        if (grads != null) {
            stack.addWeightGradients(w.layers(), grads, math);
        }
        stack.initialStateGradient(dState);
        w.initialState().backwardTanh(z, state, dState, rows, grads, dz, true, math);
    }
}
