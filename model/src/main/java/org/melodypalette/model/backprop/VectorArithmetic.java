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
 *   <li>C is computed {@value #NC} columns at a time over the whole depth, {@value #KC} rows of B per block.</li>
 *   <li>A block's B is copied into strips of 4 vectors' width, contiguous row after row (the last
 *       columns zero-padded to a whole strip). A strip is then one sequential 32 KB stream that
 *       stays in L1 while every row block of C uses it; B's own rows are 4 KB apart when n = 1024,
 *       all in one L1 set, so a column panel of them would not. The first row block packs the
 *       strip while it reads it (a separate copy pass made the benchmark's products about 5% slower).</li>
 *   <li>A 4-row × 4-vector tile of C is 16 accumulators in registers; each step of the depth loads
 *       4 vectors of B and broadcasts 4 scalars of A, wherever A's strides put them (packing a
 *       transposed A as well was slower: the copy cost more than its cache lines saved).</li>
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
    /**
     * Columns per pass over the whole depth: C's {@code [256, NC]} block of a weight gradient (256 KB)
     * then stays in L2 (2 MB) with the packed block of B, instead of C passing through L3 every KC rows.
     */
    private static final int NC = 4 * NR;

    /** Per thread: the packed block of B and a tile for C's last, partial strip (and activations' tails). */
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
        for (int j0 = 0; j0 < n; j0 += NC) {
            int nc = Math.min(NC, n - j0);
            for (int q0 = 0; q0 < p; q0 += KC) {
                int kc = Math.min(KC, p - q0);
                block(m, nc, kc, a, aOff + q0 * aCol, aRow, aCol, b, bOff + q0 * ldb + j0, ldb,
                        c, cOff + j0, ldc, accumulate || q0 > 0, scratch);
            }
        }
    }

    /**
     * {@code C[0:m, 0:nc] (+)= A[0:m, 0:kc] · B[0:kc, 0:nc]} strip by strip; B's strips are packed on
     * the way by the first row block, the last (partial) one beforehand, zero-padded.
     */
    private static void block(int m, int nc, int kc, float[] a, int aOff, int aRow, int aCol, float[] b, int bOff,
                              int ldb, float[] c, int cOff, int ldc, boolean load, Scratch scratch) {
        int strips = (nc + NR - 1) / NR;
        int full = nc / NR;
        float[] packed = scratch.packed;
        if (full < strips) {
            packPartial(kc, nc - full * NR, b, bOff + full * NR, ldb, packed, full * kc * NR);
        }
        for (int s = 0; s < strips; s++) {
            int bp = s * kc * NR;
            for (int i = 0; i < m; i += MR) {
                int rows = Math.min(MR, m - i);
                int ai = aOff + i * aRow;
                int ci = cOff + i * ldc + s * NR;
                if (s == full) {
                    partialTile(rows, nc - s * NR, kc, a, ai, aRow, aCol, packed, bp, c, ci, ldc, load, scratch.tile);
                } else if (i == 0) {
                    wideTile(rows, kc, a, ai, aRow, aCol, b, bOff + s * NR, ldb, m > MR, packed, bp, c, ci, ldc, load);
                } else {
                    wideTile(rows, kc, a, ai, aRow, aCol, packed, bp, NR, false, packed, bp, c, ci, ldc, load);
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

    /** The last {@code w < NR} columns of B's rows {@code [0, kc)}, zero-padded to a strip at {@code packed[to]}. */
    private static void packPartial(int kc, int w, float[] b, int bq, int ldb, float[] packed, int to) {
        for (int q = 0; q < kc; q++, bq += ldb, to += NR) {
            System.arraycopy(b, bq, packed, to, w);
            Arrays.fill(packed, to + w, to + NR, 0f);
        }
    }

    /** The last columns, fewer than NR: computed in {@code tile} (MR × NR) and copied back. */
    private static void partialTile(int rows, int w, int kc, float[] a, int ai, int aRow, int aCol,
                                    float[] packed, int bp, float[] c, int ci, int ldc, boolean load, float[] tile) {
        if (load) {
            for (int r = 0; r < rows; r++) {
                System.arraycopy(c, ci + r * ldc, tile, r * NR, w);
            }
        }
        wideTile(rows, kc, a, ai, aRow, aCol, packed, bp, NR, false, packed, bp, tile, 0, NR, load);
        for (int r = 0; r < rows; r++) {
            System.arraycopy(tile, r * NR, c, ci + r * ldc, w);
        }
    }

    /**
     * {@code C[0:rows, 0:NR] (+)= A[0:rows, 0:kc] · B[0:kc, 0:NR]}: A's row r at {@code a[ai + r·aRow]}, its
     * columns {@code aCol} apart; B's rows at {@code b[bp]}, {@code ldb} apart, also copied to
     * {@code packed[pp]} (NR apart) if {@code pack}. Fewer than MR rows repeat the last one and
     * store only the real rows.
     */
    private static void wideTile(int rows, int kc, float[] a, int ai, int aRow, int aCol, float[] b, int bp, int ldb,
                                 boolean pack, float[] packed, int pp, float[] c, int ci, int ldc, boolean load) {
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
        for (int q = 0, k = bp, w = pp, o = 0; q < kc; q++, k += ldb, w += NR, o += aCol) {
            FloatVector b0 = FloatVector.fromArray(S, b, k);
            FloatVector b1 = FloatVector.fromArray(S, b, k + L);
            FloatVector b2 = FloatVector.fromArray(S, b, k + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, b, k + 3 * L);
            if (pack) {
                b0.intoArray(packed, w);
                b1.intoArray(packed, w + L);
                b2.intoArray(packed, w + 2 * L);
                b3.intoArray(packed, w + 3 * L);
            }
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

    /** One thread's buffers, kept between calls: a training step makes thousands of products. */
    private static final class Scratch {
        private final float[] packed = new float[KC * NC];
        private final float[] tile = new float[MR * NR];
    }
}
