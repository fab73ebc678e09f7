package org.melodypalette.model.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The register tile both CPU matrix products are built on: {@value #ROWS} rows of C by
 * {@code 4} vectors of {@link FloatVector#SPECIES_PREFERRED} ({@link #WIDTH} floats), 16
 * accumulators in registers. Each step of the depth loads 4 vectors of one row of B and
 * broadcasts one value of each of the 4 rows of A, so every vector of B loaded serves all rows.
 * Inference calls it on its packed weights (B = a column group, A = the batch's inputs), the
 * training step on strips of B it packs on the way (the optional copy). Vector API only: loaded
 * through {@link Backend}.
 */
public final class FmaTile {

    public static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    /** Floats per vector. */
    public static final int LANES = SPECIES.length();
    /** Rows of C per tile. */
    public static final int ROWS = 4;
    /** Columns of C per tile: 4 vectors. */
    public static final int WIDTH = 4 * LANES;

    private FmaTile() {
    }

    /**
     * For {@code r < rows} (1..{@value #ROWS}):
     * {@code C[r, 0:WIDTH] = start(r) + Σ_{q<depth} A(r, q) · B[q, 0:WIDTH]}, where
     * {@code A(r, q) = a[aOff + r·aRow + q·aCol]}, row q of B is at {@code b[bOff + q·ldb]}, row r of C
     * at {@code c[cOff + r·ldc]} and {@code start(r)} is {@code init[initOff + r·initStride ...]} or zero
     * if {@code init} is null ({@code init} may be {@code c} itself, and a stride of 0 repeats one row).
     * If {@code packTo} is not null, B's rows are also copied to {@code packTo[packOff + q·WIDTH]}.
     * Fewer than 4 rows repeat the last one (free where such small products wait for memory) and store
     * only the real rows.
     */
    public static void multiply(int rows, int depth, float[] a, int aOff, int aRow, int aCol,
                                float[] b, int bOff, int ldb, float[] packTo, int packOff,
                                float[] init, int initOff, int initStride, float[] c, int cOff, int ldc) {
        final int l = LANES;
        int r1 = Math.min(1, rows - 1);
        int r2 = Math.min(2, rows - 1);
        int r3 = Math.min(3, rows - 1);
        int a0 = aOff;
        int a1 = aOff + r1 * aRow;
        int a2 = aOff + r2 * aRow;
        int a3 = aOff + r3 * aRow;
        boolean load = init != null;
        FloatVector zero = FloatVector.zero(SPECIES);
        FloatVector x00 = load ? FloatVector.fromArray(SPECIES, init, initOff) : zero;
        FloatVector x01 = load ? FloatVector.fromArray(SPECIES, init, initOff + l) : zero;
        FloatVector x02 = load ? FloatVector.fromArray(SPECIES, init, initOff + 2 * l) : zero;
        FloatVector x03 = load ? FloatVector.fromArray(SPECIES, init, initOff + 3 * l) : zero;
        FloatVector x10 = load ? FloatVector.fromArray(SPECIES, init, initOff + r1 * initStride) : zero;
        FloatVector x11 = load ? FloatVector.fromArray(SPECIES, init, initOff + r1 * initStride + l) : zero;
        FloatVector x12 = load ? FloatVector.fromArray(SPECIES, init, initOff + r1 * initStride + 2 * l) : zero;
        FloatVector x13 = load ? FloatVector.fromArray(SPECIES, init, initOff + r1 * initStride + 3 * l) : zero;
        FloatVector x20 = load ? FloatVector.fromArray(SPECIES, init, initOff + r2 * initStride) : zero;
        FloatVector x21 = load ? FloatVector.fromArray(SPECIES, init, initOff + r2 * initStride + l) : zero;
        FloatVector x22 = load ? FloatVector.fromArray(SPECIES, init, initOff + r2 * initStride + 2 * l) : zero;
        FloatVector x23 = load ? FloatVector.fromArray(SPECIES, init, initOff + r2 * initStride + 3 * l) : zero;
        FloatVector x30 = load ? FloatVector.fromArray(SPECIES, init, initOff + r3 * initStride) : zero;
        FloatVector x31 = load ? FloatVector.fromArray(SPECIES, init, initOff + r3 * initStride + l) : zero;
        FloatVector x32 = load ? FloatVector.fromArray(SPECIES, init, initOff + r3 * initStride + 2 * l) : zero;
        FloatVector x33 = load ? FloatVector.fromArray(SPECIES, init, initOff + r3 * initStride + 3 * l) : zero;
        for (int q = 0, k = bOff, w = packOff, o = 0; q < depth; q++, k += ldb, w += WIDTH, o += aCol) {
            FloatVector b0 = FloatVector.fromArray(SPECIES, b, k);
            FloatVector b1 = FloatVector.fromArray(SPECIES, b, k + l);
            FloatVector b2 = FloatVector.fromArray(SPECIES, b, k + 2 * l);
            FloatVector b3 = FloatVector.fromArray(SPECIES, b, k + 3 * l);
            if (packTo != null) {
                b0.intoArray(packTo, w);
                b1.intoArray(packTo, w + l);
                b2.intoArray(packTo, w + 2 * l);
                b3.intoArray(packTo, w + 3 * l);
            }
            FloatVector s = FloatVector.broadcast(SPECIES, a[a0 + o]);
            x00 = b0.fma(s, x00);
            x01 = b1.fma(s, x01);
            x02 = b2.fma(s, x02);
            x03 = b3.fma(s, x03);
            s = FloatVector.broadcast(SPECIES, a[a1 + o]);
            x10 = b0.fma(s, x10);
            x11 = b1.fma(s, x11);
            x12 = b2.fma(s, x12);
            x13 = b3.fma(s, x13);
            s = FloatVector.broadcast(SPECIES, a[a2 + o]);
            x20 = b0.fma(s, x20);
            x21 = b1.fma(s, x21);
            x22 = b2.fma(s, x22);
            x23 = b3.fma(s, x23);
            s = FloatVector.broadcast(SPECIES, a[a3 + o]);
            x30 = b0.fma(s, x30);
            x31 = b1.fma(s, x31);
            x32 = b2.fma(s, x32);
            x33 = b3.fma(s, x33);
        }
        int c0 = cOff;
        x00.intoArray(c, c0);
        x01.intoArray(c, c0 + l);
        x02.intoArray(c, c0 + 2 * l);
        x03.intoArray(c, c0 + 3 * l);
        if (rows < 2) {
            return;
        }
        int c1 = cOff + ldc;
        x10.intoArray(c, c1);
        x11.intoArray(c, c1 + l);
        x12.intoArray(c, c1 + 2 * l);
        x13.intoArray(c, c1 + 3 * l);
        if (rows < 3) {
            return;
        }
        int c2 = cOff + 2 * ldc;
        x20.intoArray(c, c2);
        x21.intoArray(c, c2 + l);
        x22.intoArray(c, c2 + 2 * l);
        x23.intoArray(c, c2 + 3 * l);
        if (rows < 4) {
            return;
        }
        int c3 = cOff + 3 * ldc;
        x30.intoArray(c, c3);
        x31.intoArray(c, c3 + l);
        x32.intoArray(c, c3 + 2 * l);
        x33.intoArray(c, c3 + 3 * l);
    }
}
