package org.melodypalette.model.infer;

import org.melodypalette.model.checkpoint.WeightTensor;
import org.melodypalette.model.cpu.Rows;

/** {@code y = x·W + b} with W re-laid for the {@link Kernel}; rows and columns mapped as {@link PackedMatrix} says. */
final class DenseLayer {

    final PackedMatrix matrix;
    private final Rows bias;

    private DenseLayer(PackedMatrix matrix, float[] bias) {
        this.matrix = matrix;
        this.bias = new Rows(bias, 0, 0);
    }

    static DenseLayer of(WeightTensor kernel, WeightTensor bias, int[] rowMap, int[] colMap, int lanes) {
        return new DenseLayer(PackedMatrix.pack(kernel.values(), kernel.dim(1), rowMap, colMap, 4 * lanes),
                PackedMatrix.vector(bias.values(), colMap));
    }

    /** Output row length (padded). */
    int outputs() {
        return matrix.cols;
    }

    /** The bias as rows of stride 0 (one row shared by the batch). */
    Rows bias() {
        return bias;
    }

    void apply(Kernel kernel, Rows x, Rows out, int batch) {
        kernel.gemm(matrix, bias, x, out, batch);
    }
}
