package org.melodypalette.model.infer;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Two and three batch rows against one column group of a {@link PackedMatrix}: each weight vector
 * loaded serves every row, as in {@link org.melodypalette.model.cpu.FmaTile}, but only the real
 * rows are multiplied. FmaTile fills a short block up to 4 rows by repeating the last one; at 2
 * or 3 rows those extra multiply-adds, not the weight stream, bound the product (batch 2 encodes
 * an interpolation's ends, 11 = 4 + 4 + 3 decodes its points). Each row's sum is accumulated in
 * the same order as FmaTile's, so results are identical.
 */
final class NarrowTiles {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private NarrowTiles() {
    }

    /**
     * For rows {@code r = 0, 1}: {@code dst[dstOffset + r·dstStride ..+4L] = init[initOffset + r·initStride ..+4L]
     * + Σ_k x[xOffset + r·xStride + k] · W[k, group g]} (an init stride of 0 shares one row).
     */
    static void two(PackedMatrix w, int g, float[] init, int initOffset, int initStride, float[] x, int xOffset,
                    int xStride, float[] dst, int dstOffset, int dstStride) {
        float[] wd = w.data;
        int base = g * w.rows * w.group;
        int i0 = initOffset;
        int i1 = initOffset + initStride;
        FloatVector a00 = FloatVector.fromArray(S, init, i0);
        FloatVector a01 = FloatVector.fromArray(S, init, i0 + L);
        FloatVector a02 = FloatVector.fromArray(S, init, i0 + 2 * L);
        FloatVector a03 = FloatVector.fromArray(S, init, i0 + 3 * L);
        FloatVector a10 = FloatVector.fromArray(S, init, i1);
        FloatVector a11 = FloatVector.fromArray(S, init, i1 + L);
        FloatVector a12 = FloatVector.fromArray(S, init, i1 + 2 * L);
        FloatVector a13 = FloatVector.fromArray(S, init, i1 + 3 * L);
        int x0 = xOffset;
        int x1 = xOffset + xStride;
        for (int k = 0; k < w.rows; k++) {
            int wi = base + k * w.group;
            FloatVector b0 = FloatVector.fromArray(S, wd, wi);
            FloatVector b1 = FloatVector.fromArray(S, wd, wi + L);
            FloatVector b2 = FloatVector.fromArray(S, wd, wi + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, wd, wi + 3 * L);
            FloatVector s = FloatVector.broadcast(S, x[x0 + k]);
            a00 = b0.fma(s, a00);
            a01 = b1.fma(s, a01);
            a02 = b2.fma(s, a02);
            a03 = b3.fma(s, a03);
            s = FloatVector.broadcast(S, x[x1 + k]);
            a10 = b0.fma(s, a10);
            a11 = b1.fma(s, a11);
            a12 = b2.fma(s, a12);
            a13 = b3.fma(s, a13);
        }
        int d0 = dstOffset;
        int d1 = dstOffset + dstStride;
        a00.intoArray(dst, d0);
        a01.intoArray(dst, d0 + L);
        a02.intoArray(dst, d0 + 2 * L);
        a03.intoArray(dst, d0 + 3 * L);
        a10.intoArray(dst, d1);
        a11.intoArray(dst, d1 + L);
        a12.intoArray(dst, d1 + 2 * L);
        a13.intoArray(dst, d1 + 3 * L);
    }

    /** {@link #two} for rows {@code r = 0, 1, 2}. */
    static void three(PackedMatrix w, int g, float[] init, int initOffset, int initStride, float[] x, int xOffset,
                      int xStride, float[] dst, int dstOffset, int dstStride) {
        float[] wd = w.data;
        int base = g * w.rows * w.group;
        int i0 = initOffset;
        int i1 = initOffset + initStride;
        int i2 = initOffset + 2 * initStride;
        FloatVector a00 = FloatVector.fromArray(S, init, i0);
        FloatVector a01 = FloatVector.fromArray(S, init, i0 + L);
        FloatVector a02 = FloatVector.fromArray(S, init, i0 + 2 * L);
        FloatVector a03 = FloatVector.fromArray(S, init, i0 + 3 * L);
        FloatVector a10 = FloatVector.fromArray(S, init, i1);
        FloatVector a11 = FloatVector.fromArray(S, init, i1 + L);
        FloatVector a12 = FloatVector.fromArray(S, init, i1 + 2 * L);
        FloatVector a13 = FloatVector.fromArray(S, init, i1 + 3 * L);
        FloatVector a20 = FloatVector.fromArray(S, init, i2);
        FloatVector a21 = FloatVector.fromArray(S, init, i2 + L);
        FloatVector a22 = FloatVector.fromArray(S, init, i2 + 2 * L);
        FloatVector a23 = FloatVector.fromArray(S, init, i2 + 3 * L);
        int x0 = xOffset;
        int x1 = xOffset + xStride;
        int x2 = xOffset + 2 * xStride;
        for (int k = 0; k < w.rows; k++) {
            int wi = base + k * w.group;
            FloatVector b0 = FloatVector.fromArray(S, wd, wi);
            FloatVector b1 = FloatVector.fromArray(S, wd, wi + L);
            FloatVector b2 = FloatVector.fromArray(S, wd, wi + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, wd, wi + 3 * L);
            FloatVector s = FloatVector.broadcast(S, x[x0 + k]);
            a00 = b0.fma(s, a00);
            a01 = b1.fma(s, a01);
            a02 = b2.fma(s, a02);
            a03 = b3.fma(s, a03);
            s = FloatVector.broadcast(S, x[x1 + k]);
            a10 = b0.fma(s, a10);
            a11 = b1.fma(s, a11);
            a12 = b2.fma(s, a12);
            a13 = b3.fma(s, a13);
            s = FloatVector.broadcast(S, x[x2 + k]);
            a20 = b0.fma(s, a20);
            a21 = b1.fma(s, a21);
            a22 = b2.fma(s, a22);
            a23 = b3.fma(s, a23);
        }
        int d0 = dstOffset;
        int d1 = dstOffset + dstStride;
        int d2 = dstOffset + 2 * dstStride;
        a00.intoArray(dst, d0);
        a01.intoArray(dst, d0 + L);
        a02.intoArray(dst, d0 + 2 * L);
        a03.intoArray(dst, d0 + 3 * L);
        a10.intoArray(dst, d1);
        a11.intoArray(dst, d1 + L);
        a12.intoArray(dst, d1 + 2 * L);
        a13.intoArray(dst, d1 + 3 * L);
        a20.intoArray(dst, d2);
        a21.intoArray(dst, d2 + L);
        a22.intoArray(dst, d2 + 2 * L);
        a23.intoArray(dst, d2 + 3 * L);
    }
}
