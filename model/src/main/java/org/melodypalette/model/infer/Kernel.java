package org.melodypalette.model.infer;

/**
 * The arithmetic of inference on {@link PackedMatrix} weights, float32 throughout. Two
 * implementations with identical results up to float rounding: {@link VectorKernel} (the Vector
 * API) and {@link ScalarKernel} (plain Java, used when {@code jdk.incubator.vector} is absent).
 * A kernel keeps a little scratch space: one kernel per model, used by one thread at a time.
 */
interface Kernel {

    /** Floats per vector; hidden states are padded to a multiple of it, column groups are 4 of it. */
    int lanes();

    /** {@code out[b, 0:w.cols] = init[b] + x[b, 0:w.rows] · W} for {@code b < batch}. */
    void gemm(PackedMatrix w, Rows init, Rows x, Rows out, int batch);

    /**
     * One TF BasicLSTMCell step for a layer whose packed kernel has {@code xRows} input rows then
     * {@code Hp} recurrent rows and columns in {@link Layouts#lstmColumns} order:
     * {@code g = init[b] + x[b]·W[0:xRows] + hPrev[b]·W[xRows:]} (the forget bias is already in init),
     * {@code c = σ(i)·tanh(j) + c·σ(f)}, {@code h = tanh(c)·σ(o)}. {@code c} is updated in place;
     * {@code hOut} must not overlap {@code hPrev}. {@code x} may be null when {@code xRows} is 0.
     */
    void lstm(PackedMatrix w, int xRows, Rows init, Rows x, Rows hPrev, Rows c, Rows hOut, int batch);

    /** {@code tanh} in place on the first {@code cols} (a multiple of {@link #lanes()}) values of each row. */
    void tanh(Rows rows, int cols, int batch);
}
