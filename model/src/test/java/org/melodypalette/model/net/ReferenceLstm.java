package org.melodypalette.model.net;

/**
 * TF BasicLSTMCell written out in plain Java doubles, straight from docs/ARCHITECTURE.md §3, as the
 * independent reference the graph pieces are compared with.
 */
final class ReferenceLstm {

    private ReferenceLstm() {
    }

    /**
     * One step for one sequence.
     *
     * @param kernel [in + H][4H] over concat(x, h); bias [4H]; gates i, j, f, o; forget bias 1.0
     * @return {c', h'}
     */
    static double[][] step(double[][] kernel, double[] bias, double[] x, double[] c, double[] h) {
        int hidden = c.length;
        double[] g = bias.clone();
        for (int row = 0; row < x.length + hidden; row++) {
            double v = row < x.length ? x[row] : h[row - x.length];
            for (int k = 0; k < 4 * hidden; k++) {
                g[k] += v * kernel[row][k];
            }
        }
        double[] c2 = new double[hidden];
        double[] h2 = new double[hidden];
        for (int k = 0; k < hidden; k++) {
            double i = sigmoid(g[k]);
            double j = Math.tanh(g[hidden + k]);
            double f = sigmoid(g[2 * hidden + k] + 1.0);
            double o = sigmoid(g[3 * hidden + k]);
            c2[k] = i * j + c[k] * f;
            h2[k] = Math.tanh(c2[k]) * o;
        }
        return new double[][] {c2, h2};
    }

    static double sigmoid(double v) {
        return 1 / (1 + Math.exp(-v));
    }
}
