package org.melodypalette.model.infer;

import org.melodypalette.model.cpu.Activations;
import org.melodypalette.model.cpu.Rows;

/**
 * {@link Kernel} in plain Java, for JVMs started without {@code jdk.incubator.vector}. Same layout
 * and FMA accumulation as {@link VectorKernel}, the {@link Activations}; slower.
 */
final class ScalarKernel implements GroupKernel {

    static final int LANES = 8;
    private static final int G = 4 * LANES;

    /** Per slot: one row's accumulators for one column group. */
    private final float[][] accumulators;

    ScalarKernel(int slots) {
        this.accumulators = new float[slots][];
        for (int s = 0; s < slots; s++) {
            // Padded to whole cache lines so that two threads' scratch never shares one.
            accumulators[s] = new float[G + 32];
        }
    }

    @Override
    public int lanes() {
        return LANES;
    }

    @Override
    public void gemm(PackedMatrix w, Rows init, Rows x, Rows out, int batch, int groupFrom, int groupTo, int slot) {
        float[] acc = accumulators[slot];
        for (int g = groupFrom; g < groupTo; g++) {
            for (int b = 0; b < batch; b++) {
                accumulate(acc, w, g, init, x, b);
                System.arraycopy(acc, 0, out.data(), out.at(b) + g * G, G);
            }
        }
    }

    @Override
    public void lstm(PackedMatrix w, Rows init, Rows in, Rows c, Rows hOut, int batch, int groupFrom, int groupTo,
                     int slot) {
        float[] acc = accumulators[slot];
        for (int g = groupFrom; g < groupTo; g++) {
            for (int b = 0; b < batch; b++) {
                accumulate(acc, w, g, init, in, b);
                float[] cd = c.data();
                int co = c.at(b) + g * LANES;
                int ho = hOut.at(b) + g * LANES;
                for (int u = 0; u < LANES; u++) {
                    float i = acc[u];
                    float j = acc[LANES + u];
                    float f = acc[2 * LANES + u];
                    float o = acc[3 * LANES + u];
                    float cNew = Activations.sigmoid(i) * Activations.tanh(j) + cd[co + u] * Activations.sigmoid(f);
                    cd[co + u] = cNew;
                    hOut.data()[ho + u] = Activations.tanh(cNew) * Activations.sigmoid(o);
                }
            }
        }
    }

    @Override
    public void tanh(Rows rows, int cols, int batch) {
        float[] d = rows.data();
        for (int b = 0; b < batch; b++) {
            for (int j = rows.at(b), end = j + cols; j < end; j++) {
                d[j] = Activations.tanh(d[j]);
            }
        }
    }

    private static void accumulate(float[] acc, PackedMatrix w, int g, Rows init, Rows x, int b) {
        System.arraycopy(init.data(), init.at(b) + g * G, acc, 0, G);
        float[] wd = w.data;
        int base = g * w.rows * G;
        for (int k = 0; k < w.rows; k++) {
            float s = x.data()[x.at(b) + k];
            int wi = base + k * G;
            for (int j = 0; j < G; j++) {
                acc[j] = Math.fma(s, wd[wi + j], acc[j]);
            }
        }
    }
}
