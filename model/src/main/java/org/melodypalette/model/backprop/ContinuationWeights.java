package org.melodypalette.model.backprop;

import java.util.List;
import java.util.Map;
import org.melodypalette.model.layers.ContinuationLayers;

/** A continuation model's weights for one training step: the LSTM stack and the output projection. */
record ContinuationWeights(List<LstmStepWeights> stack, DenseBackprop output) {

    ContinuationWeights {
        stack = List.copyOf(stack);
    }

    /** @param weights every variable of {@code layers} by name, row-major */
    static ContinuationWeights of(ContinuationLayers layers, Map<String, float[]> weights) {
        return new ContinuationWeights(layers.stack().stream().map(spec -> LstmStepWeights.of(weights, spec)).toList(),
                DenseBackprop.of(weights, layers.output()));
    }
}
