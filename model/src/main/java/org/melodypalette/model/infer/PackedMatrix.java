package org.melodypalette.model.infer;

import java.util.ArrayList;
import java.util.List;

/**
 * A TF kernel {@code W [in, out]} (y = x·W) re-laid once at load for the kernels: the output columns
 * are cut into groups of {@code group} columns (4 vector lengths) and each group's rows are stored
 * one after another, so that a group is one contiguous stream of {@code rows × group} floats:
 * {@code data[(g·rows + k)·group + j] = W[rowMap[k], colMap[g·group + j]]}.
 *
 * <p>The maps pad and permute: an entry −1 is a zero row or column. Rows follow the padded layout
 * of the input vector (e.g. an LSTM state padded to a whole number of vectors); columns follow the
 * order the output is wanted in (for an LSTM, the gates i, j, f, o of one block of units side by
 * side, see {@link Layouts#lstmColumns}).
 */
final class PackedMatrix {

    final int rows;
    final int cols;
    final int group;
    final float[] data;

    private PackedMatrix(int rows, int cols, int group, float[] data) {
        this.rows = rows;
        this.cols = cols;
        this.group = group;
        this.data = data;
    }

    /**
     * Packs {@code w} (row-major, {@code wCols} columns); {@code colMap.length} must be a multiple of
     * {@code group}. Row by row, each run of consecutive source columns copied at once (loading a
     * model is mostly this).
     */
    static PackedMatrix pack(float[] w, int wCols, int[] rowMap, int[] colMap, int group) {
        if (colMap.length % group != 0) {
            throw new IllegalArgumentException(colMap.length + " columns are not whole groups of " + group);
        }
        int rows = rowMap.length;
        float[] data = new float[rows * colMap.length];
        List<int[]> runs = runs(colMap, group);
        for (int k = 0; k < rows; k++) {
            if (rowMap[k] < 0) {
                continue;
            }
            int rowStart = rowMap[k] * wCols;
            for (int[] run : runs) {
                // run = {first output column, first source column, length}, inside one group
                int g = run[0] / group;
                int dst = (g * rows + k) * group + run[0] % group;
                System.arraycopy(w, rowStart + run[1], data, dst, run[2]);
            }
        }
        return new PackedMatrix(rows, colMap.length, group, data);
    }

    /** Maximal runs of output columns mapped to consecutive source columns, split at group boundaries. */
    private static List<int[]> runs(int[] colMap, int group) {
        List<int[]> runs = new ArrayList<>();
        int j = 0;
        while (j < colMap.length) {
            if (colMap[j] < 0) {
                j++;
                continue;
            }
            int start = j;
            do {
                j++;
            } while (j < colMap.length && j % group != 0 && colMap[j] == colMap[j - 1] + 1);
            runs.add(new int[] {start, colMap[start], j - start});
        }
        return runs;
    }

    int groups() {
        return cols / group;
    }

    /** Selected rows of {@code w} as a row-major {@code [rowCount, colMap.length]} table, columns mapped. */
    static float[] table(float[] w, int wCols, int fromRow, int rowCount, int[] colMap) {
        float[] table = new float[rowCount * colMap.length];
        for (int r = 0; r < rowCount; r++) {
            for (int j = 0; j < colMap.length; j++) {
                if (colMap[j] >= 0) {
                    table[r * colMap.length + j] = w[(fromRow + r) * wCols + colMap[j]];
                }
            }
        }
        return table;
    }

    /** A vector (a bias) with its entries mapped like the columns. */
    static float[] vector(float[] v, int[] colMap) {
        return table(v, v.length, 0, 1, colMap);
    }
}
