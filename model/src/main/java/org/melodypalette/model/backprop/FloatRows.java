package org.melodypalette.model.backprop;

/** Small loops over row-major float matrices that the passes share. */
final class FloatRows {

    private FloatRows() {
    }

    /** Copies the first {@code width} values of {@code row} into {@code rows} consecutive rows of {@code out}. */
    static void broadcast(float[] row, int width, float[] out, int offset, int rows) {
        for (int r = 0; r < rows; r++) {
            System.arraycopy(row, 0, out, offset + r * width, width);
        }
    }

    /** {@code out[j] += Σ_r a[r·cols + j]} over {@code rowCount} rows. */
    static void addColumnSums(float[] a, int rowCount, int cols, float[] out) {
        for (int r = 0; r < rowCount; r++) {
            int o = r * cols;
            for (int j = 0; j < cols; j++) {
                out[j] += a[o + j];
            }
        }
    }

    /** Rows {@code [from, to)} of {@code w [*, cols]}, transposed: {@code [cols, to − from]}. */
    static float[] transposeRows(float[] w, int cols, int from, int to) {
        int rows = to - from;
        float[] t = new float[cols * rows];
        for (int r = 0; r < rows; r++) {
            int src = (from + r) * cols;
            for (int j = 0; j < cols; j++) {
                t[j * rows + r] = w[src + j];
            }
        }
        return t;
    }

    /** Index of the largest of {@code a[offset, offset + count)} (the first on ties). */
    static int argmax(float[] a, int offset, int count) {
        int best = 0;
        for (int c = 1; c < count; c++) {
            if (a[offset + c] > a[offset + best]) {
                best = c;
            }
        }
        return best;
    }
}
