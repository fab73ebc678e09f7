package org.melodypalette.model.infer;

import org.melodypalette.model.checkpoint.WeightTensor;
import org.melodypalette.model.cpu.BasicLstmCell;
import org.melodypalette.model.cpu.Rows;

/**
 * One {@link BasicLstmCell} layer re-laid for the {@link Kernel}: the packed matrix holds the input
 * rows the layer reads as a dense vector, then the {@code Hp} recurrent rows; columns in
 * {@link Layouts#lstmColumns} order. The forget bias is folded into {@link #bias}.
 */
final class LstmLayer {

    final int hidden;
    final int padded;
    final int inputRows;
    final PackedMatrix matrix;
    final float[] bias;
    final int[] columns;

    private LstmLayer(int hidden, int padded, int inputRows, PackedMatrix matrix, float[] bias, int[] columns) {
        this.hidden = hidden;
        this.padded = padded;
        this.inputRows = inputRows;
        this.matrix = matrix;
        this.bias = bias;
        this.columns = columns;
    }

    /**
     * @param inputRowMap the kernel rows of the dense input, in the padded order the input vector is
     *                    stored in (−1 = padding); empty when the input arrives another way (a one-hot
     *                    row lookup, a precomputed projection) or is the conductor's zero dummy
     */
    static LstmLayer of(WeightTensor kernel, WeightTensor bias, int[] inputRowMap, int lanes) {
        int hidden = bias.dim(0) / 4;
        int recurrentFrom = kernel.dim(0) - hidden;
        int[] columns = Layouts.lstmColumns(hidden, lanes);
        int[] recurrent = Layouts.segments(recurrentFrom, lanes, 1, hidden);
        int[] rows = new int[inputRowMap.length + recurrent.length];
        System.arraycopy(inputRowMap, 0, rows, 0, inputRowMap.length);
        System.arraycopy(recurrent, 0, rows, inputRowMap.length, recurrent.length);
        PackedMatrix matrix = PackedMatrix.pack(kernel.values(), kernel.dim(1), rows, columns, 4 * lanes);
        return new LstmLayer(hidden, recurrent.length, inputRowMap.length, matrix,
                PackedMatrix.vector(BasicLstmCell.withForgetBias(bias.values(), hidden), columns), columns);
    }

    /** Kernel rows {@code [from, from + count)} as a {@code [count, 4·Hp]} table in gate order (one-hot lookups). */
    float[] rowTable(WeightTensor kernel, int from, int count) {
        return PackedMatrix.table(kernel.values(), kernel.dim(1), from, count, columns);
    }

    /** Selected kernel rows packed like {@link #matrix} (e.g. the projection of z, computed once per decode). */
    PackedMatrix rowsPacked(WeightTensor kernel, int[] rowMap) {
        return PackedMatrix.pack(kernel.values(), kernel.dim(1), rowMap, columns, matrix.group);
    }

    int gateColumns() {
        return columns.length;
    }

    Rows biasRows() {
        return new Rows(bias, 0, 0);
    }
}
