package org.melodypalette.model.infer;

/**
 * {@link Kernel} in plain Java, for JVMs started without {@code jdk.incubator.vector}. Same layout
 * and the same float32 arithmetic as {@link VectorKernel} (FMA accumulation, σ through tanh); slower.
 */
final class ScalarKernel implements Kernel {

    static final int LANES = 8;
    private static final int G = 4 * LANES;

    private final float[] acc = new float[G];
    private float[] inputs = new float[0];

    @Override
    public int lanes() {
        return LANES;
    }

    @Override
    public void gemm(PackedMatrix w, Rows init, Rows x, Rows out, int batch) {
        for (int g = 0; g < w.groups(); g++) {
            for (int b = 0; b < batch; b++) {
                accumulate(w, g, init, x, b);
                System.arraycopy(acc, 0, out.data(), out.at(b) + g * G, G);
            }
        }
    }

    @Override
    public void lstm(PackedMatrix w, int xRows, Rows init, Rows x, Rows hPrev, Rows c, Rows hOut, int batch) {
        Rows in = Inputs.concat(inputs, x, xRows, hPrev, w.rows - xRows, batch);
        inputs = in.data();
        for (int g = 0; g < w.groups(); g++) {
            for (int b = 0; b < batch; b++) {
                accumulate(w, g, init, in, b);
                float[] cd = c.data();
                int co = c.at(b) + g * LANES;
                int ho = hOut.at(b) + g * LANES;
                for (int u = 0; u < LANES; u++) {
                    float i = acc[u];
                    float j = acc[LANES + u];
                    float f = acc[2 * LANES + u];
                    float o = acc[3 * LANES + u];
                    float cNew = sigmoid(i) * tanh(j) + cd[co + u] * sigmoid(f);
                    cd[co + u] = cNew;
                    hOut.data()[ho + u] = tanh(cNew) * sigmoid(o);
                }
            }
        }
    }

    @Override
    public void tanh(Rows rows, int cols, int batch) {
        float[] d = rows.data();
        for (int b = 0; b < batch; b++) {
            for (int j = rows.at(b), end = j + cols; j < end; j++) {
                d[j] = tanh(d[j]);
            }
        }
    }

    private void accumulate(PackedMatrix w, int g, Rows init, Rows x, int b) {
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

    /** {@code σ(x) = 0.5 + 0.5·tanh(x / 2)}, as the vector kernel computes it. */
    static float sigmoid(float x) {
        return Math.fma(0.5f, tanh(0.5f * x), 0.5f);
    }

    /** tanh through {@code exp} in double ({@code Math.tanh} is a slow native call), rounded to float. */
    static float tanh(float x) {
        double ax = Math.abs((double) x);
        if (ax > 20) {
            return Math.copySign(1f, x);
        }
        double e = Math.exp(-2 * ax);
        return (float) Math.copySign((1 - e) / (1 + e), x);
    }
}
