package org.melodypalette.model.backprop;

import java.util.Arrays;
import org.melodypalette.model.cpu.Activations;

/** {@link Arithmetic} in plain Java: the reference the vector version is tested against. */
final class ScalarArithmetic implements Arithmetic {

    @Override
    public void gemm(int m, int n, int p, float[] a, int aOff, int aRow, int aCol, float[] b, int bOff, int ldb,
                     float[] c, int cOff, int ldc, boolean accumulate) {
        for (int i = 0; i < m; i++) {
            int ci = cOff + i * ldc;
            if (!accumulate) {
                Arrays.fill(c, ci, ci + n, 0f);
            }
            for (int q = 0; q < p; q++) {
                float s = a[aOff + i * aRow + q * aCol];
                if (s == 0f) {
                    continue;
                }
                int bq = bOff + q * ldb;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += s * b[bq + j];
                }
            }
        }
    }

    @Override
    public void sigmoid(float[] a, int from, int to) {
        for (int k = from; k < to; k++) {
            a[k] = Activations.sigmoid(a[k]);
        }
    }

    @Override
    public void tanh(float[] a, int from, int to) {
        for (int k = from; k < to; k++) {
            a[k] = Activations.tanh(a[k]);
        }
    }
}
