package org.melodypalette.model.backprop;

import org.melodypalette.model.config.ComputeOptions;
import org.melodypalette.model.cpu.Backend;
import org.melodypalette.model.cpu.Rows;

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
     * The transpose of rows {@code [fromRow, toRow)} of {@code b [*, ldb]}, {@code [ldb, toRow − fromRow]},
     * made ready as {@link #pack} does; this one transposes into a new array and keeps its view.
     */
    default PackedOperand packTransposed(float[] b, int ldb, int fromRow, int toRow) {
        int cols = toRow - fromRow;
        return new PackedOperand(Rows.transposeRows(b, ldb, fromRow, toRow), 0, cols, ldb, cols, null);
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

    /** {@code y[yOff + k] += x[xOff + k]} for {@code k < n} (y must not overlap x). */
    default void add(float[] x, int xOff, float[] y, int yOff, int n) {
        for (int k = 0; k < n; k++) {
            y[yOff + k] += x[xOff + k];
        }
    }

    /** {@code out[j] += Σ_r a[r·cols + j]} over {@code rowCount} rows, row after row (a bias gradient). */
    default void addRows(float[] a, int rowCount, int cols, float[] out) {
        for (int r = 0; r < rowCount; r++) {
            add(a, r * cols, out, 0, cols);
        }
    }

    /**
     * The elementwise forward of TF's BasicLSTMCell (docs/ARCHITECTURE.md §2) on {@code rows} rows of
     * {@code H = hidden} units. Row n's gates at {@code gates[go + n·4H]}, the pre-activations i, j, f, o
     * (forget bias included), become σ(i), tanh(j), σ(f), σ(o); then, with {@code s = n·H + u},
     * {@code c[next + s] = σ(i)·tanh(j) + c[prev + s]·σ(f)}, {@code tanhC[tc + s] = tanh(c[next + s])} and
     * {@code h[next + s] = tanhC[tc + s]·σ(o)}.
     */
    default void lstmCell(int rows, int hidden, float[] gates, int go, float[] c, int prev, int next, float[] tanhC,
                          int tc, float[] h) {
        int g4 = 4 * hidden;
        for (int n = 0; n < rows; n++) {
            int r = go + n * g4;
            sigmoid(gates, r, r + hidden);
            tanh(gates, r + hidden, r + 2 * hidden);
            sigmoid(gates, r + 2 * hidden, r + g4);
        }
        for (int n = 0; n < rows; n++) {
            int r = go + n * g4;
            for (int u = 0; u < hidden; u++) {
                int s = n * hidden + u;
                float cell = gates[r + u] * gates[r + hidden + u] + c[prev + s] * gates[r + 2 * hidden + u];
                c[next + s] = cell;
                tanhC[tc + s] = cell;
            }
        }
        tanh(tanhC, tc, tc + rows * hidden);
        for (int n = 0; n < rows; n++) {
            int r = go + n * g4 + 3 * hidden;
            for (int u = 0; u < hidden; u++) {
                int s = n * hidden + u;
                h[next + s] = tanhC[tc + s] * gates[r + u];
            }
        }
    }

    /**
     * Backprop through {@link #lstmCell} from the activations it left: {@code dh [rows, H]} is the whole
     * gradient on h', {@code dc [rows, H]} the gradient on c' from later steps, replaced by the gradient on
     * c; {@code gateGrads[go + n·4H]} is set to the gradient on row n's pre-activation gates.
     */
    default void lstmCellBackward(int rows, int hidden, float[] gates, int go, float[] c, int prev, float[] tanhC,
                                  int tc, float[] dh, float[] dc, float[] gateGrads) {
        int g4 = 4 * hidden;
        for (int n = 0; n < rows; n++) {
            int r = go + n * g4;
            for (int u = 0; u < hidden; u++) {
                int s = n * hidden + u;
                float i = gates[r + u];
                float j = gates[r + hidden + u];
                float f = gates[r + 2 * hidden + u];
                float o = gates[r + 3 * hidden + u];
                float tch = tanhC[tc + s];
                float dhs = dh[s];
                float dcs = dc[s] + dhs * o * (1 - tch * tch);
                gateGrads[r + u] = dcs * j * i * (1 - i);
                gateGrads[r + hidden + u] = dcs * i * (1 - j * j);
                gateGrads[r + 2 * hidden + u] = dcs * c[prev + s] * f * (1 - f);
                gateGrads[r + 3 * hidden + u] = dhs * tch * o * (1 - o);
                dc[s] = dcs * f;
            }
        }
    }

    /** The arithmetic {@code kernel} asks for, as {@link Backend} chooses it. */
    static Arithmetic create(ComputeOptions.Kernel kernel) {
        return Backend.create(kernel, VectorArithmetic::new, ScalarArithmetic::new);
    }
}
