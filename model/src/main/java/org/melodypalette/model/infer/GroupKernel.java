package org.melodypalette.model.infer;

import org.melodypalette.model.cpu.Rows;

/**
 * The arithmetic of inference on a range of {@link PackedMatrix} column groups, float32
 * throughout; {@link Kernel} splits calls across threads by group ranges. Two implementations with
 * identical results up to float rounding: {@link VectorKernel} (the Vector API) and
 * {@link ScalarKernel} (plain Java, for JVMs without {@code jdk.incubator.vector}). Scratch space
 * is per {@code slot} (one slot per thread).
 */
interface GroupKernel {

    /** Floats per vector; hidden states are padded to a multiple of it, column groups are 4 of it. */
    int lanes();

    /** {@code out[b, groups] = init[b, groups] + x[b, 0:w.rows] · W[:, groups]} for {@code b < batch}. */
    void gemm(PackedMatrix w, Rows init, Rows x, Rows out, int batch, int groupFrom, int groupTo, int slot);

    /**
     * The LSTM cell for the units of the groups: {@code g = init[b] + in[b]·W} (in = {@code [x | hPrev]},
     * gate columns in {@link Layouts#lstmColumns} order, forget bias already in init), then
     * {@code c = σ(i)·tanh(j) + c·σ(f)} in place and {@code h = tanh(c)·σ(o)} into hOut.
     */
    void lstm(PackedMatrix w, Rows init, Rows in, Rows c, Rows hOut, int batch, int groupFrom, int groupTo, int slot);

    /** {@code tanh} in place on the first {@code cols} (a multiple of {@link #lanes()}) values of each row. */
    void tanh(Rows rows, int cols, int batch);
}
