package org.melodypalette.model.infer;

import org.melodypalette.model.checkpoint.WeightSet;
import org.melodypalette.model.checkpoint.WeightTensor;
import org.melodypalette.model.layers.LstmSpec;

/** The kernel and bias of one LSTM layer, as the checkpoint stores them. */
record LstmWeights(WeightTensor kernel, WeightTensor bias) {

    static LstmWeights of(WeightSet weights, LstmSpec layer) {
        return new LstmWeights(weights.require(layer.kernel()), weights.require(layer.bias()));
    }
}
