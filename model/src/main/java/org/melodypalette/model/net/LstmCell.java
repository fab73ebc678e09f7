package org.melodypalette.model.net;

import java.util.ArrayList;
import java.util.List;
import org.melodypalette.model.cpu.BasicLstmCell;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One {@link BasicLstmCell} layer, unrolled step by step in a SameDiff graph:
 * <pre>
 * g = concat(x, h)·K + b          K [in + H, 4H], b [4H]
 * i, j, f, o = split(g, 4)
 * c' = sigmoid(i)·tanh(j) + c·sigmoid(f + 1.0)
 * h' = tanh(c')·sigmoid(o)
 * </pre>
 * {@code concat(x, h)·K} is computed as {@code x·K[0:in] + h·K[in:]} so that callers can project
 * the inputs of all steps in one matrix product before the loop. The forget bias is folded into the
 * bias once per graph, not added every step.
 *
 * <p>Unrolled cells rather than ND4J's fused {@code lstmLayer}: with an initial state the fused
 * op's gradients are wrong in DL4J 1.0.0-M2.1, and decoders always start from a state.
 */
final class LstmCell {

    private final SameDiff sd;
    private final int inputSize;
    private final int hiddenSize;
    private final SDVariable inputKernel;
    private final SDVariable recurrentKernel;
    private final SDVariable gateBias;

    /** Slices the Magenta kernel {@code [in + H, 4H]} once; adds the forget bias to {@code bias}. */
    LstmCell(SameDiff sd, SDVariable kernel, SDVariable bias, int inputSize, int hiddenSize) {
        this.sd = sd;
        this.inputSize = inputSize;
        this.hiddenSize = hiddenSize;
        this.inputKernel = kernel.get(SDIndex.interval(0, inputSize), SDIndex.all());
        this.recurrentKernel = kernel.get(SDIndex.interval(inputSize, inputSize + hiddenSize), SDIndex.all());
        this.gateBias = bias.add(sd.constant(forgetBiasVector(hiddenSize, bias.dataType())));
    }

    /** Kernel rows {@code [0, in)}: {@code [in, 4H]}. */
    SDVariable inputKernel() {
        return inputKernel;
    }

    /** Kernel rows {@code [in, in + H)}: {@code [H, 4H]}. */
    SDVariable recurrentKernel() {
        return recurrentKernel;
    }

    /** Bias with the forget bias folded in: {@code [4H]}. */
    SDVariable gateBias() {
        return gateBias;
    }

    int hiddenSize() {
        return hiddenSize;
    }

    int inputSize() {
        return inputSize;
    }

    /** {@code x·K[0:in] + b'}: the input's share of the gates, {@code [batch, 4H]}. */
    SDVariable inputGates(SDVariable x) {
        return x.mmul(inputKernel).add(gateBias);
    }

    /**
     * {@code x·kernel (+ bias)} for every step in one matrix product, unstacked per step (slicing
     * step t out of {@code [batch, T, 4H]} would make every slice's backprop allocate a whole
     * {@code [batch, T, 4H]} gradient, O(T²) memory for long sequences).
     *
     * @param x      {@code [batch, steps, n]}
     * @param kernel {@code [n, 4H]}
     * @param bias   {@code [4H]}, or null for none
     * @return {@code steps} arrays {@code [batch, 4H]}
     */
    static SDVariable[] projectEveryStep(SameDiff sd, SDVariable x, SDVariable kernel, SDVariable bias, int n,
                                         int hidden, int steps) {
        SDVariable flat = sd.reshape(x, -1, n).mmul(kernel);
        SDVariable gates = bias == null ? flat : flat.add(bias);
        return sd.unstack(sd.reshape(gates, -1, steps, 4L * hidden), 1, steps);
    }

    /** One step from {@code x [batch, in]}. */
    LstmState step(SDVariable x, LstmState previous) {
        return stepWithInputGates(inputGates(x), previous);
    }

    /** One step given {@code inputGates = x·K[0:in] + b'} ({@code [batch, 4H]}). */
    LstmState stepWithInputGates(SDVariable inputGates, LstmState previous) {
        SDVariable g = inputGates.add(previous.h().mmul(recurrentKernel));
        // One split op rather than four slices: each slice's backprop allocates a full [batch, 4H] array.
        SDVariable[] gates = sd.split(g, BasicLstmCell.GATES, 1);
        SDVariable i = sd.nn.sigmoid(gates[BasicLstmCell.INPUT_GATE]);
        SDVariable j = sd.math.tanh(gates[BasicLstmCell.CANDIDATE]);
        SDVariable f = sd.nn.sigmoid(gates[BasicLstmCell.FORGET_GATE]);
        SDVariable o = sd.nn.sigmoid(gates[BasicLstmCell.OUTPUT_GATE]);
        SDVariable c = i.mul(j).add(previous.c().mul(f));
        return new LstmState(c, sd.math.tanh(c).mul(o));
    }

    /**
     * Magenta's {@code initial_cell_state_from_embedding}: {@code tanh(e·K + b)} split per layer
     * into {@code (c, h)} pairs in layer order.
     *
     * @param embedding {@code [batch, E]}; kernel {@code [E, 2·ΣH]}; bias {@code [2·ΣH]}
     */
    static List<LstmState> initialStates(SameDiff sd, SDVariable embedding, SDVariable kernel, SDVariable bias,
                                         List<Integer> sizes) {
        SDVariable s = sd.math.tanh(embedding.mmul(kernel).add(bias));
        List<LstmState> states = new ArrayList<>();
        int offset = 0;
        for (int size : sizes) {
            SDVariable c = s.get(SDIndex.all(), SDIndex.interval(offset, offset + size));
            SDVariable h = s.get(SDIndex.all(), SDIndex.interval(offset + size, offset + 2 * size));
            states.add(new LstmState(c, h));
            offset += 2 * size;
        }
        return states;
    }

    /** {@code [4H]} with {@link BasicLstmCell#FORGET_BIAS} in the f block, zeros elsewhere. */
    static INDArray forgetBiasVector(int hiddenSize, DataType dataType) {
        float[] values = BasicLstmCell.withForgetBias(new float[BasicLstmCell.GATES * hiddenSize], hiddenSize);
        return Nd4j.createFromArray(values).castTo(dataType);
    }
}
