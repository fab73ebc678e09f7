package org.melodypalette.model.backprop;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.melodypalette.model.cpu.FmaTile;
import org.melodypalette.model.cpu.VectorActivations;

/**
 * {@link Arithmetic} on the Vector API, single-threaded. The product is blocked for the training
 * step's shapes (gates {@code [64, 256]·[256, 1024]}, weight gradients {@code [256, 8192]·[8192, 1024]}
 * with a transposed left operand, the 90-class output layer):
 * <ul>
 *   <li>C is computed {@value #NC} columns at a time over the whole depth, {@value #KC} rows of B per block.</li>
 *   <li>A block's B is copied into strips of {@link FmaTile#WIDTH} columns, contiguous row after row (the
 *       last columns zero-padded to a whole strip), so that a strip is one sequential stream that
 *       stays in L1 while every row block of C uses it; B's own rows are a power of two apart and
 *       would share cache sets. The first row block packs the strip while it reads it.</li>
 *   <li>Each 4-row × strip tile of C is one {@link FmaTile}, reading A wherever its strides put it, except
 *       a transposed A (a weight gradient's {@code xᵀ}), which is first copied into row tiles per block.</li>
 *   <li>A B used by many products (a recurrent kernel, once per time step) is packed once into the
 *       same strips, all of them ({@link #pack}, {@link #packTransposed}), and read from there.</li>
 * </ul>
 * The LSTM cell's elementwise work and row additions run on vectors too, with the same float
 * operations in the same order as {@link Arithmetic}'s loops.
 * Built only through {@link org.melodypalette.model.cpu.Backend}, when the JVM has {@code jdk.incubator.vector}.
 */
final class VectorArithmetic implements Arithmetic {

    private static final VectorSpecies<Float> F = FmaTile.SPECIES;
    private static final int L = FmaTile.LANES;
    /** Rows of C per tile. */
    private static final int MR = FmaTile.ROWS;
    /** Columns of a wide strip. */
    private static final int NR = FmaTile.WIDTH;
    /** Depth per packed block: a strip is KC·NR floats, small enough for L1. */
    private static final int KC = 128;
    /**
     * Columns per pass over the whole depth: C's {@code [256, NC]} block of a weight gradient then
     * stays in L2 with the packed block of B, instead of C passing through L3 every KC rows.
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
        boolean transposedA = aRow == 1 && aCol > 1 && m > MR;
        for (int j0 = 0; j0 < n; j0 += NC) {
            int nc = Math.min(NC, n - j0);
            for (int q0 = 0; q0 < p; q0 += KC) {
                int kc = Math.min(KC, p - q0);
                if (transposedA) {
                    float[] packedA = scratch.packedA((m + MR - 1) / MR * MR * kc);
                    packTransposedA(m, kc, a, aOff + q0 * aCol, aCol, packedA);
                    block(m, nc, kc, packedA, 0, kc, 1, MR, b, bOff + q0 * ldb + j0, ldb,
                            c, cOff + j0, ldc, accumulate || q0 > 0, scratch);
                } else {
                    block(m, nc, kc, a, aOff + q0 * aCol, aRow, aRow, aCol, b, bOff + q0 * ldb + j0, ldb,
                            c, cOff + j0, ldc, accumulate || q0 > 0, scratch);
                }
            }
        }
    }

    /**
     * A transposed ({@code A(i, q) = a[aOff + i + q·aCol]}, a weight gradient's {@code xᵀ}) reads 4 floats a
     * depth step at addresses a power of two apart, which crowd a few L1 sets: copied first, a block of
     * {@code kc} depth steps at a time, into tiles of {@value #MR} rows, each {@code to[(i/MR)·kc·MR + q·MR +
     * i%MR]}, so that a tile reads one sequential stream.
     */
    private static void packTransposedA(int m, int kc, float[] a, int aOff, int aCol, float[] to) {
        for (int q = 0; q < kc; q++) {
            int from = aOff + q * aCol;
            for (int i = 0; i < m; i++) {
                to[(i / MR) * kc * MR + q * MR + i % MR] = a[from + i];
            }
        }
    }

    /**
     * B as panels of {@link FmaTile#WIDTH} columns, each panel its {@code p} rows one after another
     * ({@code panels[(s·p + q)·NR + j] = B[q, s·NR + j]}, the last panel zero-padded): every strip a
     * product reads is then one sequential stream, made once instead of once per product.
     */
    @Override
    public PackedOperand pack(float[] b, int bOff, int ldb, int p, int n) {
        int strips = (n + NR - 1) / NR;
        float[] panels = new float[strips * p * NR];
        for (int s = 0; s < strips; s++) {
            int w = Math.min(NR, n - s * NR);
            for (int q = 0; q < p; q++) {
                System.arraycopy(b, bOff + q * ldb + s * NR, panels, (s * p + q) * NR, w);
            }
        }
        return new PackedOperand(b, bOff, ldb, p, n, panels);
    }

    /** Panels as {@link #pack} makes them, filled straight from the rows the transpose's columns are. */
    @Override
    public PackedOperand packTransposed(float[] b, int ldb, int fromRow, int toRow) {
        int p = ldb;
        int n = toRow - fromRow;
        int strips = (n + NR - 1) / NR;
        float[] panels = new float[strips * p * NR];
        for (int j = 0; j < n; j++) {
            int to = (j / NR) * p * NR + j % NR;
            int from = (fromRow + j) * ldb;
            for (int q = 0; q < p; q++, to += NR) {
                panels[to] = b[from + q];
            }
        }
        return new PackedOperand(null, 0, 0, p, n, panels);
    }

    /** The blocks and tiles of {@link #gemm}, reading B's strips from its panels. */
    @Override
    public void gemm(int m, float[] a, int aOff, int aRow, int aCol, PackedOperand b, float[] c, int cOff, int ldc,
                     boolean accumulate) {
        int n = b.cols();
        int p = b.rows();
        if (b.panels() == null || m <= 0 || n <= 0 || p <= 0) {
            Arithmetic.super.gemm(m, a, aOff, aRow, aCol, b, c, cOff, ldc, accumulate);
            return;
        }
        float[] panels = b.panels();
        float[] tile = SCRATCH.get().tile;
        for (int j0 = 0; j0 < n; j0 += NC) {
            int nc = Math.min(NC, n - j0);
            int strips = (nc + NR - 1) / NR;
            int full = nc / NR;
            for (int q0 = 0; q0 < p; q0 += KC) {
                int kc = Math.min(KC, p - q0);
                boolean load = accumulate || q0 > 0;
                int aq = aOff + q0 * aCol;
                for (int s = 0; s < strips; s++) {
                    int bp = ((j0 / NR + s) * p + q0) * NR;
                    for (int i = 0; i < m; i += MR) {
                        int rows = Math.min(MR, m - i);
                        int ai = aq + i * aRow;
                        int ci = cOff + i * ldc + j0 + s * NR;
                        if (s == full) {
                            partialTile(rows, nc - s * NR, kc, a, ai, aRow, aCol, panels, bp, c, ci, ldc, load, tile);
                        } else {
                            FmaTile.multiply(rows, kc, a, ai, aRow, aCol, panels, bp, NR, null, 0, load ? c : null,
                                    ci, ldc, c, ci, ldc);
                        }
                    }
                }
            }
        }
    }

    /**
     * {@code C[0:m, 0:nc] (+)= A[0:m, 0:kc] · B[0:kc, 0:nc]} strip by strip; B's strips are packed on
     * the way by the first row block, the last (partial) one beforehand, zero-padded. The tile of rows
     * {@code i..i+3} reads A from {@code aOff + i·aStep}, its rows {@code aRow} apart.
     */
    private static void block(int m, int nc, int kc, float[] a, int aOff, int aStep, int aRow, int aCol, float[] b,
                              int bOff, int ldb, float[] c, int cOff, int ldc, boolean load, Scratch scratch) {
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
                int ai = aOff + i * aStep;
                int ci = cOff + i * ldc + s * NR;
                if (s == full) {
                    partialTile(rows, nc - s * NR, kc, a, ai, aRow, aCol, packed, bp, c, ci, ldc, load, scratch.tile);
                } else if (i == 0) {
                    FmaTile.multiply(rows, kc, a, ai, aRow, aCol, b, bOff + s * NR, ldb, m > MR ? packed : null, bp,
                            load ? c : null, ci, ldc, c, ci, ldc);
                } else {
                    FmaTile.multiply(rows, kc, a, ai, aRow, aCol, packed, bp, NR, null, 0, load ? c : null, ci, ldc,
                            c, ci, ldc);
                }
            }
        }
    }

    @Override
    public void sigmoid(float[] a, int from, int to) {
        activate(a, from, to, true);
    }

    @Override
    public void tanh(float[] a, int from, int to) {
        activate(a, from, to, false);
    }

    @Override
    public void add(float[] x, int xOff, float[] y, int yOff, int n) {
        int k = 0;
        for (; k <= n - L; k += L) {
            FloatVector.fromArray(F, y, yOff + k).add(FloatVector.fromArray(F, x, xOff + k)).intoArray(y, yOff + k);
        }
        for (; k < n; k++) {
            y[yOff + k] += x[xOff + k];
        }
    }

    /**
     * Row by row, so that a row's gates and state are read and written while they are in L1: the row's
     * activations, then its cells vector by vector (the same float operations in the same order as
     * {@link Arithmetic#lstmCell}'s loops). Two small methods rather than one large one: C2 compiles
     * Vector API code into vector instructions only where it inlines all of it. Widths that are not
     * whole vectors take the loops.
     */
    @Override
    public void lstmCell(int rows, int hidden, float[] gates, int go, float[] c, int prev, int next, float[] tanhC,
                         int tc, float[] h) {
        if (hidden % L != 0) {
            Arithmetic.super.lstmCell(rows, hidden, gates, go, c, prev, next, tanhC, tc, h);
            return;
        }
        int g4 = 4 * hidden;
        for (int n = 0; n < rows; n++) {
            int r = go + n * g4;
            activate(gates, r, r + hidden, true);
            activate(gates, r + hidden, r + 2 * hidden, false);
            activate(gates, r + 2 * hidden, r + g4, true);
            cellRow(hidden, gates, r, c, prev + n * hidden, next + n * hidden, tanhC, tc + n * hidden, h);
        }
    }

    /** One row's {@code c' = σ(i)·tanh(j) + c·σ(f)}, {@code tanh(c')} and {@code h' = tanh(c')·σ(o)} from its activated gates at {@code r}. */
    private static void cellRow(int hidden, float[] gates, int r, float[] c, int prev, int next, float[] tanhC, int tc,
                                float[] h) {
        for (int u = 0; u < hidden; u += L) {
            int gi = r + u;
            FloatVector cell = FloatVector.fromArray(F, gates, gi).mul(FloatVector.fromArray(F, gates, gi + hidden))
                    .add(FloatVector.fromArray(F, c, prev + u).mul(FloatVector.fromArray(F, gates, gi + 2 * hidden)));
            cell.intoArray(c, next + u);
            cell.intoArray(tanhC, tc + u);
            VectorActivations.tanh(tanhC, tc + u);
            FloatVector.fromArray(F, tanhC, tc + u).mul(FloatVector.fromArray(F, gates, gi + 3 * hidden))
                    .intoArray(h, next + u);
        }
    }

    /** {@link Arithmetic#lstmCellBackward}'s loop a vector of units at a time, the same operations in the same order. */
    @Override
    public void lstmCellBackward(int rows, int hidden, float[] gates, int go, float[] c, int prev, float[] tanhC,
                                 int tc, float[] dh, float[] dc, float[] gateGrads) {
        if (hidden % L != 0) {
            Arithmetic.super.lstmCellBackward(rows, hidden, gates, go, c, prev, tanhC, tc, dh, dc, gateGrads);
            return;
        }
        int g4 = 4 * hidden;
        for (int n = 0; n < rows; n++) {
            int r = go + n * g4;
            int sn = n * hidden;
            for (int u = 0; u < hidden; u += L) {
                int gi = r + u;
                int gj = gi + hidden;
                int gf = gj + hidden;
                int gO = gf + hidden;
                int s = sn + u;
                FloatVector i = FloatVector.fromArray(F, gates, gi);
                FloatVector j = FloatVector.fromArray(F, gates, gj);
                FloatVector f = FloatVector.fromArray(F, gates, gf);
                FloatVector o = FloatVector.fromArray(F, gates, gO);
                FloatVector tch = FloatVector.fromArray(F, tanhC, tc + s);
                FloatVector dhs = FloatVector.fromArray(F, dh, s);
                FloatVector one = FloatVector.broadcast(F, 1f);
                FloatVector dcs = FloatVector.fromArray(F, dc, s).add(dhs.mul(o).mul(one.sub(tch.mul(tch))));
                dcs.mul(j).mul(i).mul(one.sub(i)).intoArray(gateGrads, gi);
                dcs.mul(i).mul(one.sub(j.mul(j))).intoArray(gateGrads, gj);
                dcs.mul(FloatVector.fromArray(F, c, prev + s)).mul(f).mul(one.sub(f)).intoArray(gateGrads, gf);
                dhs.mul(tch).mul(o).mul(one.sub(o)).intoArray(gateGrads, gO);
                dcs.mul(f).intoArray(dc, s);
            }
        }
    }

    /** σ or tanh in place on {@code a[from, to)}, vector by vector; a partial last vector through scratch. */
    private static void activate(float[] a, int from, int to, boolean sigmoid) {
        int k = from;
        for (; k <= to - L; k += L) {
            activate(a, k, sigmoid);
        }
        if (k < to) {
            float[] tail = SCRATCH.get().tile;
            System.arraycopy(a, k, tail, 0, to - k);
            activate(tail, 0, sigmoid);
            System.arraycopy(tail, 0, a, k, to - k);
        }
    }

    private static void activate(float[] a, int offset, boolean sigmoid) {
        if (sigmoid) {
            VectorActivations.sigmoid(a, offset);
        } else {
            VectorActivations.tanh(a, offset);
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
        FmaTile.multiply(rows, kc, a, ai, aRow, aCol, packed, bp, NR, null, 0, load ? tile : null, 0, NR, tile, 0, NR);
        for (int r = 0; r < rows; r++) {
            System.arraycopy(tile, r * NR, c, ci + r * ldc, w);
        }
    }

    /** One thread's buffers, kept between calls: a training step makes thousands of products. */
    private static final class Scratch {
        private final float[] packed = new float[KC * NC];
        private final float[] tile = new float[MR * NR];
        private float[] packedA = new float[0];

        /** At least {@code size} floats for a transposed A's block, grown as needed. */
        float[] packedA(int size) {
            if (packedA.length < size) {
                packedA = new float[size];
            }
            return packedA;
        }
    }
}
