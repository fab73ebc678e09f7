package org.melodypalette.model.backprop;

import java.util.Map;
import org.melodypalette.model.cpu.BasicLstmCell;
import org.melodypalette.model.cpu.Rows;
import org.melodypalette.model.layers.LstmSpec;

/**
 * One {@link BasicLstmCell} layer's weights for one training step, with what backprop reads derived
 * once: the Magenta kernel {@code K [in + H, 4H]} (gates i, j, f, o; input rows first, then the
 * recurrent rows), the bias with the forget bias folded in, and, made when first asked for, transposes
 * and packed operands for the products that carry gradients back through the kernel
 * ({@code dx = dg·K[0:in]ᵀ}, {@code dh = dg·K[in:]ᵀ}) and for the per-time-step products.
 */
final class LstmStepWeights {

    final String scope;
    final int inputSize;
    final int hidden;
    /** {@code [in + H, 4H]}, the live weights (read only). */
    final float[] kernel;
    /** {@code [4H]}: bias plus the forget bias in the f block. */
    final float[] gateBias;
    /** {@code [4H, in]}: {@code K[0:in]ᵀ}, made the first time it is asked for. */
    private float[] inputTransposed;
    /** The operands of the per-time-step products, each packed the first time a product asks for it. */
    private final PackedOperand[] packed = new PackedOperand[Operand.values().length];

    /** B of the products an LSTM makes once per time step. */
    enum Operand {
        /** {@code K[in:] [H, 4H]}: h's share of the gates. */
        RECURRENT,
        /** {@code K[in:]ᵀ [4H, H]}: the gradient on h from the gates'. */
        RECURRENT_TRANSPOSED,
        /** {@code K[0:in] [in, 4H]}: the input's share of the gates (a stacked layer's input). */
        INPUT,
        /** {@code K[0:in]ᵀ [4H, in]}: the gradient on the input from the gates'. */
        INPUT_TRANSPOSED
    }

    private LstmStepWeights(String scope, int inputSize, int hidden, float[] kernel, float[] bias) {
        this.scope = scope;
        this.inputSize = inputSize;
        this.hidden = hidden;
        this.kernel = kernel;
        this.gateBias = BasicLstmCell.withForgetBias(bias, hidden);
    }

    /** The layer {@code spec} describes, its kernel and bias from {@code weights}. */
    static LstmStepWeights of(Map<String, float[]> weights, LstmSpec spec) {
        float[] kernel = require(weights, spec.kernel());
        float[] bias = require(weights, spec.bias());
        int inputSize = spec.inputSize();
        int hidden = spec.hidden();
        if (kernel.length != (inputSize + hidden) * 4 * hidden || bias.length != 4 * hidden) {
            throw new IllegalArgumentException(spec.scope() + " is not an LSTM of " + inputSize + " inputs and "
                    + hidden + " units");
        }
        return new LstmStepWeights(spec.scope(), inputSize, hidden, kernel, bias);
    }

    int gates() {
        return 4 * hidden;
    }

    /** {@code [4H, in]}: {@code K[0:in]ᵀ}, on any thread. */
    synchronized float[] inputTransposed() {
        if (inputTransposed == null) {
            inputTransposed = Rows.transposeRows(kernel, 4 * hidden, 0, inputSize);
        }
        return inputTransposed;
    }

    /** {@code which}, packed by {@code math} once for all the products of this step's weights, on any thread. */
    synchronized PackedOperand packed(Operand which, Arithmetic math) {
        PackedOperand operand = packed[which.ordinal()];
        if (operand == null) {
            int g4 = gates();
            operand = switch (which) {
                case RECURRENT -> math.pack(kernel, inputSize * g4, g4, hidden, g4);
                case RECURRENT_TRANSPOSED -> math.packTransposed(kernel, g4, inputSize, inputSize + hidden);
                case INPUT -> math.pack(kernel, 0, g4, inputSize, g4);
                case INPUT_TRANSPOSED -> math.pack(inputTransposed(), 0, inputSize, g4, inputSize);
            };
            packed[which.ordinal()] = operand;
        }
        return operand;
    }

    /** The variable {@code name} of {@code weights}, or an error naming it. */
    static float[] require(Map<String, float[]> weights, String name) {
        float[] values = weights.get(name);
        if (values == null) {
            throw new IllegalArgumentException("the weights have no variable " + name);
        }
        return values;
    }
}
