package org.melodypalette.model.backprop;

import org.melodypalette.model.cpu.Rows;

/**
 * The input's share of an LSTM layer's gates over a whole run, and its gradients, for the two
 * kinds of input: one-hot labels (a row of the kernel per label, no product) and dense vectors
 * (one product for all steps). Arrays are time-major, row {@code t·N + n}.
 */
final class LayerInputs {

    private LayerInputs() {
    }

    /**
     * {@code gates[r] = start[r] + K[labels[r]]} for the {@code rowCount} rows from {@code labels[labelOffset]}
     * and {@code gates[gateOffset]}, where {@code start[r]} is the row of {@code start} at {@code r·startStride}
     * (stride 0: one row for all, e.g. the bias); a label of −1 is an all-zero input (the decoder's step 0).
     */
    static void gatherGates(LstmStepWeights layer, int[] labels, int labelOffset, int rowCount, float[] start,
                            int startStride, float[] gates, int gateOffset, Arithmetic math) {
        int g4 = layer.gates();
        for (int r = 0; r < rowCount; r++) {
            int o = gateOffset + r * g4;
            System.arraycopy(start, r * startStride, gates, o, g4);
            int label = labels[labelOffset + r];
            if (label >= 0) {
                math.add(layer.kernel, label * g4, gates, o, g4);
            }
        }
    }

    /** {@code dK[labels[r]] += dg[r]}: the one-hot rows' kernel gradient. */
    static void scatterGradients(LstmStepWeights layer, int[] labels, int rowCount, float[] gateGrads,
                                 float[] dKernel, Arithmetic math) {
        int g4 = layer.gates();
        for (int r = 0; r < rowCount; r++) {
            int label = labels[r];
            if (label >= 0) {
                math.add(gateGrads, r * g4, dKernel, label * g4, g4);
            }
        }
    }

    /** {@code gates = b' + x·K[0:in]} for {@code x [rowCount, in]}. */
    static void projectGates(LstmStepWeights layer, float[] x, int rowCount, float[] gates, Arithmetic math) {
        int g4 = layer.gates();
        Rows.broadcast(layer.gateBias, g4, gates, 0, rowCount);
        math.gemm(rowCount, g4, layer.inputSize, x, 0, layer.inputSize, 1, layer.kernel, 0, g4, gates, 0, g4, true);
    }

    /** {@code dK[0:in] += xᵀ·dg} ({@code [in, rowCount]·[rowCount, 4H]}). */
    static void addInputKernelGradient(LstmStepWeights layer, float[] x, int rowCount, float[] gateGrads,
                                       float[] dKernel, Arithmetic math) {
        int g4 = layer.gates();
        math.gemm(layer.inputSize, g4, rowCount, x, 0, 1, layer.inputSize, gateGrads, 0, g4, dKernel, 0, g4, true);
    }

    /** {@code dx [rowCount, in] (+)= dg·K[0:in]ᵀ}. */
    static void inputGradient(LstmStepWeights layer, float[] gateGrads, int rowCount, float[] dx, boolean accumulate,
                              Arithmetic math) {
        int g4 = layer.gates();
        math.gemm(rowCount, gateGrads, 0, g4, 1, layer.packed(LstmStepWeights.Operand.INPUT_TRANSPOSED, math),
                dx, 0, layer.inputSize, accumulate);
    }
}
