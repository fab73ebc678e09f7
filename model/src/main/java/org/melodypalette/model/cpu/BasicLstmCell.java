package org.melodypalette.model.cpu;

/**
 * TF's {@code BasicLSTMCell} as Magenta's checkpoints use it, stated once for every engine
 * (docs/ARCHITECTURE.md §3). A layer of H units has a kernel {@code [in + H, 4H]}
 * (input rows first, then the recurrent rows) and a bias {@code [4H]}; its gate columns are four
 * blocks of H in the order i, j, f, o:
 * <pre>
 *   [i | j | f | o] = [x | h]·K + b
 *   c' = σ(i)·tanh(j) + c·σ(f + {@value #FORGET_BIAS})
 *   h' = tanh(c')·σ(o)
 * </pre>
 */
public final class BasicLstmCell {

    /** Gates per unit. */
    public static final int GATES = 4;
    /** Block index of the input gate i. */
    public static final int INPUT_GATE = 0;
    /** Block index of the candidate j. */
    public static final int CANDIDATE = 1;
    /** Block index of the forget gate f. */
    public static final int FORGET_GATE = 2;
    /** Block index of the output gate o. */
    public static final int OUTPUT_GATE = 3;
    /** Added to the forget gate's pre-activation at run time (TF's {@code forget_bias}). */
    public static final float FORGET_BIAS = 1.0f;

    private BasicLstmCell() {
    }

    /** {@code bias [4H]} with {@link #FORGET_BIAS} added to its f block: the bias the engines add once. */
    public static float[] withForgetBias(float[] bias, int hidden) {
        if (bias.length != GATES * hidden) {
            throw new IllegalArgumentException("an LSTM bias of " + bias.length + " values for " + hidden + " units");
        }
        float[] folded = bias.clone();
        for (int u = FORGET_GATE * hidden; u < (FORGET_GATE + 1) * hidden; u++) {
            folded[u] += FORGET_BIAS;
        }
        return folded;
    }
}
