package org.melodypalette.model.infer;

import org.melodypalette.model.checkpoint.MagentaVariables;
import org.melodypalette.model.checkpoint.WeightSet;
import org.melodypalette.model.checkpoint.WeightTensor;

/** The kernel and bias of one LSTM cell scope, as the checkpoint stores them. */
record LstmWeights(WeightTensor kernel, WeightTensor bias) {

    static LstmWeights of(WeightSet weights, String scope) {
        return new LstmWeights(weights.require(MagentaVariables.kernel(scope)),
                weights.require(MagentaVariables.bias(scope)));
    }
}
