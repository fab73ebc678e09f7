package org.melodypalette.model.infer;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.melodypalette.model.cpu.FmaTile;
import org.melodypalette.model.cpu.Rows;
import org.melodypalette.model.cpu.VectorActivations;

/**
 * {@link Kernel} on the Vector API: FMA over the platform's widest float vectors. A column group is
 * 4 vectors; up to 4 batch rows are computed together in one {@link FmaTile} (2 or 3 rows:
 * {@link NarrowTiles}) so that each weight vector loaded is used for every row, and an LSTM
 * group's 4 accumulators per row are exactly the i, j, f, o gates of one block of units, so the
 * cell update happens right there.
 * The activations are {@link VectorActivations}'.
 *
 * <p>Built only through {@link org.melodypalette.model.cpu.Backend}, when the JVM runs with
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
        switch (rows) {
            case 1 -> accumulate1(w, g, init, x, b, dst, dstOffset);
            case 2 -> NarrowTiles.two(w, g, init.data(), init.at(b) + g * G, init.stride(), x.data(), x.at(b),
                    x.stride(), dst, dstOffset, dstStride);
            case 3 -> NarrowTiles.three(w, g, init.data(), init.at(b) + g * G, init.stride(), x.data(), x.at(b),
                    x.stride(), dst, dstOffset, dstStride);
            default -> accumulate4(rows, w, g, init, x, b, dst, dstOffset, dstStride);
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

    /** 4 rows sharing every weight load: one {@link FmaTile} over the group's packed rows. */
    private static void accumulate4(int rows, PackedMatrix w, int g, Rows init, Rows x, int b,
                                    float[] dst, int dstOffset, int dstStride) {
        FmaTile.multiply(rows, w.rows, x.data(), x.at(b), x.stride(), 1, w.data, g * w.rows * G, G, null, 0,
                init.data(), init.at(b) + g * G, init.stride(), dst, dstOffset, dstStride);
    }
}
