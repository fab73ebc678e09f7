package org.melodypalette.model.infer;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Kernel} on the Vector API: FMA over the platform's widest float vectors. A column group is
 * 4 vectors; up to 4 batch rows are computed together so that each weight vector loaded is used
 * for every row (16 accumulators in registers), and an LSTM group's 4 accumulators per row are
 * exactly the i, j, f, o gates of one block of units, so the cell update happens right there.
 * The activations are {@link VectorActivations}'.
 *
 * <p>Loaded only through {@link Kernels#best()}, when the JVM runs with
 * {@code --add-modules jdk.incubator.vector}.
 */
final class VectorKernel implements GroupKernel {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int G = 4 * L;
    /** Per slot: gates of up to 4 rows of one column group, between the matmul and the cell update. */
    private final float[][] gates;

    VectorKernel(int slots) {
        this.gates = new float[slots][];
        for (int s = 0; s < slots; s++) {
            // Padded to whole cache lines so that two threads' scratch never shares one.
            gates[s] = new float[4 * G + 32];
        }
    }

    @Override
    public int lanes() {
        return L;
    }

    @Override
    public void gemm(PackedMatrix w, Rows init, Rows x, Rows out, int batch, int groupFrom, int groupTo, int slot) {
        for (int g = groupFrom; g < groupTo; g++) {
            int b = 0;
            while (b < batch) {
                int rows = rowsAtOnce(batch - b);
                accumulate(rows, w, g, init, x, b, out.data(), out.at(b) + g * G, out.stride());
                b += rows;
            }
        }
    }

    @Override
    public void lstm(PackedMatrix w, Rows init, Rows in, Rows c, Rows hOut, int batch, int groupFrom, int groupTo,
                     int slot) {
        float[] scratch = gates[slot];
        for (int g = groupFrom; g < groupTo; g++) {
            int b = 0;
            while (b < batch) {
                int rows = rowsAtOnce(batch - b);
                accumulate(rows, w, g, init, in, b, scratch, 0, G);
                for (int r = 0; r < rows; r++) {
                    cell(scratch, r * G, c, hOut, b + r, g * L);
                }
                b += rows;
            }
        }
    }

    @Override
    public void tanh(Rows rows, int cols, int batch) {
        float[] d = rows.data();
        for (int b = 0; b < batch; b++) {
            for (int j = rows.at(b), end = j + cols; j < end; j += L) {
                VectorActivations.tanh(d, j);
            }
        }
    }

    /** Rows per pass over a group's weights: up to 4 (the last block may be partial), 1 only for a single row. */
    private static int rowsAtOnce(int remaining) {
        return Math.min(4, remaining);
    }

    private static void accumulate(int rows, PackedMatrix w, int g, Rows init, Rows x, int b,
                                   float[] dst, int dstOffset, int dstStride) {
        if (rows == 1) {
            accumulate1(w, g, init, x, b, dst, dstOffset);
        } else {
            accumulate4(rows, w, g, init, x, b, dst, dstOffset, dstStride);
        }
    }

    /**
     * {@code c = σ(i)·tanh(j) + c·σ(f)}, {@code h = tanh(c)·σ(o)} for one vector of units; the
     * activations are applied to the gates in place, and tanh(c) is taken in j's slot.
     */
    private static void cell(float[] gates, int gateOffset, Rows c, Rows hOut, int b, int unit) {
        int i = gateOffset;
        int j = gateOffset + L;
        int f = gateOffset + 2 * L;
        int o = gateOffset + 3 * L;
        VectorActivations.sigmoid(gates, i);
        VectorActivations.tanh(gates, j);
        VectorActivations.sigmoid(gates, f);
        VectorActivations.sigmoid(gates, o);
        int co = c.at(b) + unit;
        FloatVector cPrev = FloatVector.fromArray(S, c.data(), co);
        FloatVector cNew = FloatVector.fromArray(S, gates, i).mul(FloatVector.fromArray(S, gates, j))
                .add(cPrev.mul(FloatVector.fromArray(S, gates, f)));
        cNew.intoArray(c.data(), co);
        cNew.intoArray(gates, j);
        VectorActivations.tanh(gates, j);
        FloatVector.fromArray(S, gates, j).mul(FloatVector.fromArray(S, gates, o))
                .intoArray(hOut.data(), hOut.at(b) + unit);
    }

    /** One row, for batch-1 latency: 4 accumulators, the weights streamed once. */
    private static void accumulate1(PackedMatrix w, int g, Rows init, Rows x, int b, float[] dst, int dstOffset) {
        float[] wd = w.data;
        int base = g * w.rows * G;
        int io = init.at(b) + g * G;
        FloatVector a0 = FloatVector.fromArray(S, init.data(), io);
        FloatVector a1 = FloatVector.fromArray(S, init.data(), io + L);
        FloatVector a2 = FloatVector.fromArray(S, init.data(), io + 2 * L);
        FloatVector a3 = FloatVector.fromArray(S, init.data(), io + 3 * L);
        float[] xd = x.data();
        int xo = x.at(b);
        for (int k = 0; k < w.rows; k++) {
            int wi = base + k * G;
            FloatVector s = FloatVector.broadcast(S, xd[xo + k]);
            a0 = FloatVector.fromArray(S, wd, wi).fma(s, a0);
            a1 = FloatVector.fromArray(S, wd, wi + L).fma(s, a1);
            a2 = FloatVector.fromArray(S, wd, wi + 2 * L).fma(s, a2);
            a3 = FloatVector.fromArray(S, wd, wi + 3 * L).fma(s, a3);
        }
        a0.intoArray(dst, dstOffset);
        a1.intoArray(dst, dstOffset + L);
        a2.intoArray(dst, dstOffset + 2 * L);
        a3.intoArray(dst, dstOffset + 3 * L);
    }

    /**
     * {@code rows} (2..4) rows sharing every weight load, 16 accumulators. A partial block repeats
     * its last row (the extra FMAs are free where batches this small are bound by memory) and
     * stores only the real rows.
     */
    private static void accumulate4(int rows, PackedMatrix w, int g, Rows init, Rows x, int b,
                                    float[] dst, int dstOffset, int dstStride) {
        int r1 = b + Math.min(1, rows - 1);
        int r2 = b + Math.min(2, rows - 1);
        int r3 = b + Math.min(3, rows - 1);
        float[] wd = w.data;
        int base = g * w.rows * G;
        float[] id = init.data();
        int i0 = init.at(b) + g * G;
        int i1 = init.at(r1) + g * G;
        int i2 = init.at(r2) + g * G;
        int i3 = init.at(r3) + g * G;
        FloatVector a0 = FloatVector.fromArray(S, id, i0);
        FloatVector a1 = FloatVector.fromArray(S, id, i0 + L);
        FloatVector a2 = FloatVector.fromArray(S, id, i0 + 2 * L);
        FloatVector a3 = FloatVector.fromArray(S, id, i0 + 3 * L);
        FloatVector b0 = FloatVector.fromArray(S, id, i1);
        FloatVector b1 = FloatVector.fromArray(S, id, i1 + L);
        FloatVector b2 = FloatVector.fromArray(S, id, i1 + 2 * L);
        FloatVector b3 = FloatVector.fromArray(S, id, i1 + 3 * L);
        FloatVector c0 = FloatVector.fromArray(S, id, i2);
        FloatVector c1 = FloatVector.fromArray(S, id, i2 + L);
        FloatVector c2 = FloatVector.fromArray(S, id, i2 + 2 * L);
        FloatVector c3 = FloatVector.fromArray(S, id, i2 + 3 * L);
        FloatVector d0 = FloatVector.fromArray(S, id, i3);
        FloatVector d1 = FloatVector.fromArray(S, id, i3 + L);
        FloatVector d2 = FloatVector.fromArray(S, id, i3 + 2 * L);
        FloatVector d3 = FloatVector.fromArray(S, id, i3 + 3 * L);
        float[] xd = x.data();
        int x0 = x.at(b);
        int x1 = x.at(r1);
        int x2 = x.at(r2);
        int x3 = x.at(r3);
        for (int k = 0; k < w.rows; k++) {
            int wi = base + k * G;
            FloatVector w0 = FloatVector.fromArray(S, wd, wi);
            FloatVector w1 = FloatVector.fromArray(S, wd, wi + L);
            FloatVector w2 = FloatVector.fromArray(S, wd, wi + 2 * L);
            FloatVector w3 = FloatVector.fromArray(S, wd, wi + 3 * L);
            FloatVector s = FloatVector.broadcast(S, xd[x0 + k]);
            a0 = w0.fma(s, a0);
            a1 = w1.fma(s, a1);
            a2 = w2.fma(s, a2);
            a3 = w3.fma(s, a3);
            s = FloatVector.broadcast(S, xd[x1 + k]);
            b0 = w0.fma(s, b0);
            b1 = w1.fma(s, b1);
            b2 = w2.fma(s, b2);
            b3 = w3.fma(s, b3);
            s = FloatVector.broadcast(S, xd[x2 + k]);
            c0 = w0.fma(s, c0);
            c1 = w1.fma(s, c1);
            c2 = w2.fma(s, c2);
            c3 = w3.fma(s, c3);
            s = FloatVector.broadcast(S, xd[x3 + k]);
            d0 = w0.fma(s, d0);
            d1 = w1.fma(s, d1);
            d2 = w2.fma(s, d2);
            d3 = w3.fma(s, d3);
        }
        int o = dstOffset;
        a0.intoArray(dst, o);
        a1.intoArray(dst, o + L);
        a2.intoArray(dst, o + 2 * L);
        a3.intoArray(dst, o + 3 * L);
        o += dstStride;
        b0.intoArray(dst, o);
        b1.intoArray(dst, o + L);
        b2.intoArray(dst, o + 2 * L);
        b3.intoArray(dst, o + 3 * L);
        if (rows < 3) {
            return;
        }
        o += dstStride;
        c0.intoArray(dst, o);
        c1.intoArray(dst, o + L);
        c2.intoArray(dst, o + 2 * L);
        c3.intoArray(dst, o + 3 * L);
        if (rows < 4) {
            return;
        }
        o += dstStride;
        d0.intoArray(dst, o);
        d1.intoArray(dst, o + L);
        d2.intoArray(dst, o + 2 * L);
        d3.intoArray(dst, o + 3 * L);
    }

}
