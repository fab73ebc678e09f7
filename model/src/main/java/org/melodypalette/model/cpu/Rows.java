package org.melodypalette.model.cpu;

/**
 * A view of {@code batch} rows inside a float array: row {@code b} starts at
 * {@code offset + b·stride}. A stride of 0 makes every row the same (a bias shared by the batch).
 * The static methods are the small loops over row-major {@code [rows, cols]} matrices that the
 * engines share.
 */
public record Rows(float[] data, int offset, int stride) {

    public int at(int row) {
        return offset + row * stride;
    }

    /** The same rows moved {@code columns} to the right. */
    public Rows shifted(int columns) {
        return new Rows(data, offset + columns, stride);
    }

    /** Copies the first {@code width} values of {@code row} into {@code rows} consecutive rows of {@code out}. */
    public static void broadcast(float[] row, int width, float[] out, int offset, int rows) {
        for (int r = 0; r < rows; r++) {
            System.arraycopy(row, 0, out, offset + r * width, width);
        }
    }

    /** {@code out[j] += Σ_r a[r·cols + j]} over {@code rowCount} rows. */
    public static void addColumnSums(float[] a, int rowCount, int cols, float[] out) {
        for (int r = 0; r < rowCount; r++) {
            int o = r * cols;
            for (int j = 0; j < cols; j++) {
                out[j] += a[o + j];
            }
        }
    }

    /** Rows {@code [from, to)} of {@code w [*, cols]}, transposed: {@code [cols, to − from]}. */
    public static float[] transposeRows(float[] w, int cols, int from, int to) {
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

    /** Index of the largest of {@code a[offset, offset + count)} (the first on ties, as tfjs {@code argMax}). */
    public static int argmax(float[] a, int offset, int count) {
        int best = 0;
        for (int c = 1; c < count; c++) {
            if (a[offset + c] > a[offset + best]) {
                best = c;
            }
        }
        return best;
    }
}
