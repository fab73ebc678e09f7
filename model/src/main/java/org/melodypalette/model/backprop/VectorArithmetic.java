package org.melodypalette.model.backprop;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.melodypalette.model.infer.VectorActivations;

/**
 * {@link Arithmetic} on the Vector API, single-threaded. The product is blocked for the training
 * step's shapes (gates {@code [64, 256]·[256, 1024]}, weight gradients {@code [256, 8192]·[8192, 1024]}
 * with a transposed left operand, the 90-class output layer):
 * <ul>
 *   <li>B is copied, {@value #KC} rows at a time, into strips of 4 vectors' width (the last columns
 *       into 1-vector strips, zero-padded), contiguous row after row. A strip is then one
 *       sequential 32 KB stream that stays in L1 while every row block of C uses it; B's own rows
 *       are 4 KB apart when n = 1024, all in one L1 set, and a column panel of them would not.</li>
 *   <li>A 4-row × 4-vector tile of C is 16 accumulators in registers; each step of the depth loads
 *       4 vectors of B and broadcasts 4 scalars of A, wherever A's stride puts them.</li>
 * </ul>
 * Loaded only through {@link Arithmetics#best()}, when the JVM has {@code jdk.incubator.vector}.
 */
final class VectorArithmetic implements Arithmetic {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Rows of C per tile. */
    private static final int MR = 4;
    /** Columns of a wide strip. */
    private static final int NR = 4 * L;
    /** Depth per packed block: a wide strip is KC·NR floats (32 KB with 16 lanes, L1 is 48 KB). */
    private static final int KC = 128;

    /** Per thread: the packed block of B and a tile for C's last, partial vector of columns. */
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    @Override
    public void gemm(int m, int n, int p, float[] a, int aOff, int aRow, int aCol, float[] b, int bOff, int ldb,
                     float[] c, int cOff, int ldc, boolean accumulate) {
        if (m <= 0 || n <= 0) {
            return;
        }
        if (p <= 0) {
            if (!accumulate) {
                for (int i = 0; i < m; i++) {
                    Arrays.fill(c, cOff + i * ldc, cOff + i * ldc + n, 0f);
                }
            }
            return;
        }
        Scratch scratch = SCRATCH.get();
        int wide = n / NR;
        int narrow = (n - wide * NR + L - 1) / L;
        for (int q0 = 0; q0 < p; q0 += KC) {
            int kc = Math.min(KC, p - q0);
            float[] packed = scratch.packed(kc * (wide * NR + narrow * L));
            pack(kc, n, wide, narrow, b, bOff + q0 * ldb, ldb, packed);
            boolean load = accumulate || q0 > 0;
            int aDepth = aOff + q0 * aCol;
            for (int s = 0; s < wide; s++) {
                for (int i = 0; i < m; i += MR) {
                    wideTile(Math.min(MR, m - i), kc, a, aDepth + i * aRow, aRow, aCol, packed, s * kc * NR,
                            c, cOff + i * ldc + s * NR, ldc, load);
                }
            }
            for (int t = 0; t < narrow; t++) {
                int col = wide * NR + t * L;
                int bp = wide * kc * NR + t * kc * L;
                for (int i = 0; i < m; i += MR) {
                    int rows = Math.min(MR, m - i);
                    int ai = aDepth + i * aRow;
                    int ci = cOff + i * ldc + col;
                    if (col + L <= n) {
                        narrowTile(rows, kc, a, ai, aRow, aCol, packed, bp, c, ci, ldc, load);
                    } else {
                        partialTile(rows, n - col, kc, a, ai, aRow, aCol, packed, bp, c, ci, ldc, load,
                                scratch.tile);
                    }
                }
            }
        }
    }

    @Override
    public void sigmoid(float[] a, int from, int to) {
        int k = from;
        for (; k <= to - L; k += L) {
            VectorActivations.sigmoid(a, k);
        }
        if (k < to) {
            float[] tail = SCRATCH.get().tile;
            System.arraycopy(a, k, tail, 0, to - k);
            VectorActivations.sigmoid(tail, 0);
            System.arraycopy(tail, 0, a, k, to - k);
        }
    }

    @Override
    public void tanh(float[] a, int from, int to) {
        int k = from;
        for (; k <= to - L; k += L) {
            VectorActivations.tanh(a, k);
        }
        if (k < to) {
            float[] tail = SCRATCH.get().tile;
            System.arraycopy(a, k, tail, 0, to - k);
            VectorActivations.tanh(tail, 0);
            System.arraycopy(tail, 0, a, k, to - k);
        }
    }

    /**
     * Rows {@code [0, kc)} of B (from {@code b[bq]}, {@code ldb} apart) into {@code wide} strips of NR
     * columns, then {@code narrow} strips of L; columns past n are zero.
     */
    private static void pack(int kc, int n, int wide, int narrow, float[] b, int bq, int ldb, float[] packed) {
        int narrowBase = wide * kc * NR;
        for (int q = 0; q < kc; q++, bq += ldb) {
            for (int s = 0; s < wide; s++) {
                System.arraycopy(b, bq + s * NR, packed, s * kc * NR + q * NR, NR);
            }
            for (int t = 0; t < narrow; t++) {
                int col = wide * NR + t * L;
                int to = narrowBase + t * kc * L + q * L;
                int w = Math.min(L, n - col);
                System.arraycopy(b, bq + col, packed, to, w);
                if (w < L) {
                    Arrays.fill(packed, to + w, to + L, 0f);
                }
            }
        }
    }

    /** The last columns, fewer than L: computed in {@code tile} (MR × L) and copied back. */
    private static void partialTile(int rows, int w, int kc, float[] a, int ai, int aRow, int aCol,
                                    float[] packed, int bp, float[] c, int ci, int ldc, boolean load, float[] tile) {
        if (load) {
            for (int r = 0; r < rows; r++) {
                System.arraycopy(c, ci + r * ldc, tile, r * L, w);
            }
        }
        narrowTile(rows, kc, a, ai, aRow, aCol, packed, bp, tile, 0, L, load);
        for (int r = 0; r < rows; r++) {
            System.arraycopy(tile, r * L, c, ci + r * ldc, w);
        }
    }

    /**
     * {@code C[0:rows, 0:NR] (+)= A[0:rows, 0:kc] · strip}, A's row r at {@code a[ai + r·aRow]}, its
     * columns {@code aCol} apart. Fewer than MR rows repeat the last one and store only the real rows.
     */
    private static void wideTile(int rows, int kc, float[] a, int ai, int aRow, int aCol, float[] packed, int bp,
                                 float[] c, int ci, int ldc, boolean load) {
        int r1 = Math.min(1, rows - 1);
        int r2 = Math.min(2, rows - 1);
        int r3 = Math.min(3, rows - 1);
        int a0 = ai;
        int a1 = ai + r1 * aRow;
        int a2 = ai + r2 * aRow;
        int a3 = ai + r3 * aRow;
        int c0 = ci;
        int c1 = ci + r1 * ldc;
        int c2 = ci + r2 * ldc;
        int c3 = ci + r3 * ldc;
        FloatVector x00 = load ? FloatVector.fromArray(S, c, c0) : FloatVector.zero(S);
        FloatVector x01 = load ? FloatVector.fromArray(S, c, c0 + L) : FloatVector.zero(S);
        FloatVector x02 = load ? FloatVector.fromArray(S, c, c0 + 2 * L) : FloatVector.zero(S);
        FloatVector x03 = load ? FloatVector.fromArray(S, c, c0 + 3 * L) : FloatVector.zero(S);
        FloatVector x10 = load ? FloatVector.fromArray(S, c, c1) : FloatVector.zero(S);
        FloatVector x11 = load ? FloatVector.fromArray(S, c, c1 + L) : FloatVector.zero(S);
        FloatVector x12 = load ? FloatVector.fromArray(S, c, c1 + 2 * L) : FloatVector.zero(S);
        FloatVector x13 = load ? FloatVector.fromArray(S, c, c1 + 3 * L) : FloatVector.zero(S);
        FloatVector x20 = load ? FloatVector.fromArray(S, c, c2) : FloatVector.zero(S);
        FloatVector x21 = load ? FloatVector.fromArray(S, c, c2 + L) : FloatVector.zero(S);
        FloatVector x22 = load ? FloatVector.fromArray(S, c, c2 + 2 * L) : FloatVector.zero(S);
        FloatVector x23 = load ? FloatVector.fromArray(S, c, c2 + 3 * L) : FloatVector.zero(S);
        FloatVector x30 = load ? FloatVector.fromArray(S, c, c3) : FloatVector.zero(S);
        FloatVector x31 = load ? FloatVector.fromArray(S, c, c3 + L) : FloatVector.zero(S);
        FloatVector x32 = load ? FloatVector.fromArray(S, c, c3 + 2 * L) : FloatVector.zero(S);
        FloatVector x33 = load ? FloatVector.fromArray(S, c, c3 + 3 * L) : FloatVector.zero(S);
        for (int q = 0, k = bp, o = 0; q < kc; q++, k += NR, o += aCol) {
            FloatVector b0 = FloatVector.fromArray(S, packed, k);
            FloatVector b1 = FloatVector.fromArray(S, packed, k + L);
            FloatVector b2 = FloatVector.fromArray(S, packed, k + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, packed, k + 3 * L);
            FloatVector s = FloatVector.broadcast(S, a[a0 + o]);
            x00 = b0.fma(s, x00);
            x01 = b1.fma(s, x01);
            x02 = b2.fma(s, x02);
            x03 = b3.fma(s, x03);
            s = FloatVector.broadcast(S, a[a1 + o]);
            x10 = b0.fma(s, x10);
            x11 = b1.fma(s, x11);
            x12 = b2.fma(s, x12);
            x13 = b3.fma(s, x13);
            s = FloatVector.broadcast(S, a[a2 + o]);
            x20 = b0.fma(s, x20);
            x21 = b1.fma(s, x21);
            x22 = b2.fma(s, x22);
            x23 = b3.fma(s, x23);
            s = FloatVector.broadcast(S, a[a3 + o]);
            x30 = b0.fma(s, x30);
            x31 = b1.fma(s, x31);
            x32 = b2.fma(s, x32);
            x33 = b3.fma(s, x33);
        }
        x00.intoArray(c, c0);
        x01.intoArray(c, c0 + L);
        x02.intoArray(c, c0 + 2 * L);
        x03.intoArray(c, c0 + 3 * L);
        if (rows < 2) {
            return;
        }
        x10.intoArray(c, c1);
        x11.intoArray(c, c1 + L);
        x12.intoArray(c, c1 + 2 * L);
        x13.intoArray(c, c1 + 3 * L);
        if (rows < 3) {
            return;
        }
        x20.intoArray(c, c2);
        x21.intoArray(c, c2 + L);
        x22.intoArray(c, c2 + 2 * L);
        x23.intoArray(c, c2 + 3 * L);
        if (rows < 4) {
            return;
        }
        x30.intoArray(c, c3);
        x31.intoArray(c, c3 + L);
        x32.intoArray(c, c3 + 2 * L);
        x33.intoArray(c, c3 + 3 * L);
    }

    /** As {@link #wideTile} for a strip of one vector. */
    private static void narrowTile(int rows, int kc, float[] a, int ai, int aRow, int aCol, float[] packed, int bp,
                                   float[] c, int ci, int ldc, boolean load) {
        int r1 = Math.min(1, rows - 1);
        int r2 = Math.min(2, rows - 1);
        int r3 = Math.min(3, rows - 1);
        int a0 = ai;
        int a1 = ai + r1 * aRow;
        int a2 = ai + r2 * aRow;
        int a3 = ai + r3 * aRow;
        int c0 = ci;
        int c1 = ci + r1 * ldc;
        int c2 = ci + r2 * ldc;
        int c3 = ci + r3 * ldc;
        FloatVector x0 = load ? FloatVector.fromArray(S, c, c0) : FloatVector.zero(S);
        FloatVector x1 = load ? FloatVector.fromArray(S, c, c1) : FloatVector.zero(S);
        FloatVector x2 = load ? FloatVector.fromArray(S, c, c2) : FloatVector.zero(S);
        FloatVector x3 = load ? FloatVector.fromArray(S, c, c3) : FloatVector.zero(S);
        for (int q = 0, k = bp, o = 0; q < kc; q++, k += L, o += aCol) {
            FloatVector b0 = FloatVector.fromArray(S, packed, k);
            x0 = b0.fma(FloatVector.broadcast(S, a[a0 + o]), x0);
            x1 = b0.fma(FloatVector.broadcast(S, a[a1 + o]), x1);
            x2 = b0.fma(FloatVector.broadcast(S, a[a2 + o]), x2);
            x3 = b0.fma(FloatVector.broadcast(S, a[a3 + o]), x3);
        }
        x0.intoArray(c, c0);
        if (rows > 1) {
            x1.intoArray(c, c1);
        }
        if (rows > 2) {
            x2.intoArray(c, c2);
        }
        if (rows > 3) {
            x3.intoArray(c, c3);
        }
    }

    /** One thread's buffers, kept between calls: a training step makes thousands of products. */
    private static final class Scratch {
        private float[] packed = new float[0];
        private final float[] tile = new float[MR * L];

        float[] packed(int size) {
            if (packed.length < size) {
                packed = new float[size];
            }
            return packed;
        }
    }
}
