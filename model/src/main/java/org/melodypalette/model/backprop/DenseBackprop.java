package org.melodypalette.model.backprop;

import java.util.Map;
import org.melodypalette.model.cpu.Rows;
import org.melodypalette.model.layers.DenseSpec;

/** A dense layer {@code y = x·K + b} ({@code K [in, out]}) of one step's weights, with {@code Kᵀ} for backprop. */
final class DenseBackprop {

    final String scope;
    final int in;
    final int out;
    final float[] kernel;
    final float[] bias;
    /** {@code [out, in]}. */
    final float[] transposed;
    /** {@code K} and {@code Kᵀ} packed for products made once per time step (the output projection), when first asked for. */
    private PackedOperand packedKernel;
    private PackedOperand packedTransposed;

    private DenseBackprop(String scope, int in, int out, float[] kernel, float[] bias) {
        this.scope = scope;
        this.in = in;
        this.out = out;
        this.kernel = kernel;
        this.bias = bias;
        this.transposed = Rows.transposeRows(kernel, out, 0, in);
    }

    /** {@code K [in, out]} packed by {@code math}, on any thread. */
    synchronized PackedOperand packedKernel(Arithmetic math) {
        if (packedKernel == null) {
            packedKernel = math.pack(kernel, 0, out, in, out);
        }
        return packedKernel;
    }

    /** {@code Kᵀ [out, in]} packed by {@code math}, on any thread. */
    synchronized PackedOperand packedTransposed(Arithmetic math) {
        if (packedTransposed == null) {
            packedTransposed = math.packTransposed(kernel, out, 0, in);
        }
        return packedTransposed;
    }

    static DenseBackprop of(Map<String, float[]> weights, DenseSpec spec) {
        float[] kernel = LstmStepWeights.require(weights, spec.kernel());
        float[] bias = LstmStepWeights.require(weights, spec.bias());
        if (kernel.length != spec.in() * spec.out() || bias.length != spec.out()) {
            throw new IllegalArgumentException(spec.scope() + " is not a dense layer " + spec.in() + " → "
                    + spec.out());
        }
        return new DenseBackprop(spec.scope(), spec.in(), spec.out(), kernel, bias);
    }

    /** {@code y [rows, out] = x [rows, in]·K + b}. */
    void forward(float[] x, int rows, float[] y, Arithmetic math) {
        Rows.broadcast(bias, out, y, 0, rows);
        math.gemm(rows, out, in, x, 0, in, 1, kernel, 0, out, y, 0, out, true);
    }

    /**
     * Adds {@code dK += xᵀ·dy} and {@code db += Σ dy} to {@code grads} unless it is null;
     * {@code dx (+)= dy·Kᵀ} unless dx is null.
     */
    void backward(float[] x, float[] dy, int rows, Parameters grads, float[] dx, boolean accumulate, Arithmetic math) {
        if (grads != null) {
            math.gemm(in, out, rows, x, 0, 1, in, dy, 0, out, grads.kernel(scope), 0, out, true);
            Rows.addColumnSums(dy, rows, out, grads.bias(scope));
        }
        if (dx != null) {
            math.gemm(rows, in, out, dy, 0, out, 1, transposed, 0, in, dx, 0, in, accumulate);
        }
    }

    /** {@code s = tanh(x·K + b)}: Magenta's initial LSTM state from an embedding. */
    void forwardTanh(float[] x, int rows, float[] s, Arithmetic math) {
        forward(x, rows, s, math);
        math.tanh(s, 0, rows * out);
    }

    /**
     * Backprop of {@link #forwardTanh}: {@code ds} (overwritten with the pre-activation gradient
     * {@code ds·(1 − s²)}) given the forward's {@code s}.
     */
    void backwardTanh(float[] x, float[] s, float[] ds, int rows, Parameters grads, float[] dx, boolean accumulate,
                      Arithmetic math) {
        for (int k = 0; k < rows * out; k++) {
            ds[k] *= 1 - s[k] * s[k];
        }
        backward(x, ds, rows, grads, dx, accumulate, math);
    }
}
