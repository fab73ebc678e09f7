package org.melodypalette.model.infer;

import java.util.ArrayList;
import java.util.List;
import org.melodypalette.model.checkpoint.WeightSet;
import org.melodypalette.model.config.ModelConfig;
import org.melodypalette.model.cpu.Rows;
import org.melodypalette.model.layers.BidirectionalSpec;
import org.melodypalette.model.layers.ModelLayers;

/**
 * Magenta's {@code BidirectionalLstmEncoder}: stacked bidirectional layers (TF
 * {@code stack_bidirectional_dynamic_rnn}: layer k+1 reads {@code [h_fw | h_bw]} of layer k at each
 * step); the encoding is the last layer's final forward and backward states concatenated.
 */
final class FlatEncoder implements Encoder {

    private final List<BidirectionalLstm> layers;
    private final int numSteps;
    private final int lanes;
    private int capacity;
    private float[][] outputs;

    FlatEncoder(ModelConfig config, ModelLayers specs, WeightSet weights, int lanes) {
        this.numSteps = config.numSteps();
        this.lanes = lanes;
        this.layers = new ArrayList<>();
        List<BidirectionalSpec> encoder = specs.encoder();
        for (int k = 0; k < encoder.size(); k++) {
            LstmWeights fw = LstmWeights.of(weights, encoder.get(k).forward());
            LstmWeights bw = LstmWeights.of(weights, encoder.get(k).backward());
            layers.add(k == 0
                    ? BidirectionalLstm.oneHot(fw, bw, config.numClasses(), lanes)
                    : BidirectionalLstm.dense(fw, bw, pairRows(encoder.get(k - 1).hidden(), lanes), lanes));
        }
    }

    /** Rows of a kernel reading {@code [h_fw | h_bw]} of {@code hidden} units each, padded. */
    static int[] pairRows(int hidden, int lanes) {
        return Layouts.segments(0, lanes, 1, hidden, hidden);
    }

    @Override
    public void encode(Kernel kernel, int[] labels, int batch, Rows out) {
        ensureCapacity(batch);
        layers.get(0).runOneHot(kernel, labels, numSteps, batch, outputs[0]);
        for (int k = 1; k < layers.size(); k++) {
            int width = layers.get(k - 1).outputWidth();
            layers.get(k).runDense(kernel, outputs[k - 1], batch * width, width, numSteps, batch, outputs[k]);
        }
        int last = layers.size() - 1;
        layers.get(last).finalStates(outputs[last], numSteps, batch, out.data(), out.offset(), out.stride());
    }

    @Override
    public int outputWidth() {
        return layers.get(layers.size() - 1).outputWidth();
    }

    @Override
    public int[] outputRowMap() {
        return pairRows(layers.get(layers.size() - 1).hidden(), lanes);
    }

    private void ensureCapacity(int batch) {
        if (batch > capacity) {
            capacity = batch;
            outputs = new float[layers.size()][];
            for (int k = 0; k < layers.size(); k++) {
                outputs[k] = new float[numSteps * batch * layers.get(k).outputWidth()];
            }
        }
    }
}
