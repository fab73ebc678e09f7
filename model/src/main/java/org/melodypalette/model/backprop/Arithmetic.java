package org.melodypalette.model.backprop;

import org.melodypalette.model.config.ComputeOptions;
import org.melodypalette.model.cpu.Backend;

/**
 * The float32 arithmetic of a training step on row-major arrays: one matrix product with strided
 * left operand (so that {@code A} and {@code Aᵀ} are the same call) and the gate activations in
 * place. Two implementations that agree up to float rounding: {@link VectorArithmetic} (the Vector
 * API) and {@link ScalarArithmetic} (plain Java, for JVMs without {@code jdk.incubator.vector}),
 * chosen by {@link Backend}.
 * Stateless and safe to call from several threads at once on disjoint outputs.
 */
interface Arithmetic {

    /**
     * {@code C[i, 0:n] = (accumulate ? C[i, 0:n] : 0) + Σ_{q<p} A(i, q) · B[q, 0:n]} for {@code i < m}, where
     * {@code A(i, q) = a[aOff + i·aRow + q·aCol]}, row q of B starts at {@code b[bOff + q·ldb]} and row i
     * of C at {@code c[cOff + i·ldc]}. {@code A} row-major {@code [m, p]} is {@code aRow = p, aCol = 1};
     * its transpose, stored {@code [p, m]}, is {@code aRow = 1, aCol = m}. C must not overlap A or B.
     */
    void gemm(int m, int n, int p, float[] a, int aOff, int aRow, int aCol, float[] b, int bOff, int ldb,
              float[] c, int cOff, int ldc, boolean accumulate);

    /**
     * {@code B [p, n]} at {@code b[bOff + q·ldb + j]} made ready for many {@link #gemm(int, float[], int, int,
     * int, PackedOperand, float[], int, int, boolean) products}; this one keeps the view only.
     */
    default PackedOperand pack(float[] b, int bOff, int ldb, int p, int n) {
        return new PackedOperand(b, bOff, ldb, p, n, null);
    }

    /**
     * {@link #gemm(int, int, int, float[], int, int, int, float[], int, int, float[], int, int, boolean)} with
     * {@code B} made by {@link #pack} (n = its columns, p = its rows): the same sums in the same order,
     * so the same result bit for bit.
     */
    default void gemm(int m, float[] a, int aOff, int aRow, int aCol, PackedOperand b, float[] c, int cOff, int ldc,
                      boolean accumulate) {
        gemm(m, b.cols(), b.rows(), a, aOff, aRow, aCol, b.source(), b.offset(), b.ldb(), c, cOff, ldc, accumulate);
    }

    /** {@code x = 1 / (1 + e^−x)} in place on {@code a[from, to)}. */
    void sigmoid(float[] a, int from, int to);

    /** {@code x = tanh(x)} in place on {@code a[from, to)}. */
    void tanh(float[] a, int from, int to);

    /** The arithmetic {@code kernel} asks for, as {@link Backend} chooses it. */
    static Arithmetic create(ComputeOptions.Kernel kernel) {
        return Backend.create(kernel, VectorArithmetic::new, ScalarArithmetic::new);
    }
}
