package org.melodypalette.model.backprop;

import java.util.List;
import java.util.Map;
import org.melodypalette.model.layers.ContinuationLayers;

/** A continuation model's weights for one training step: the LSTM stack and the output projection. */
record ContinuationWeights(List<LstmLayer> stack, DenseLayer output) {

    ContinuationWeights {
        stack = List.copyOf(stack);
    }

    /** @param weights every variable of {@code layers} by name, row-major */
    static ContinuationWeights of(ContinuationLayers layers, Map<String, float[]> weights) {
        return new ContinuationWeights(layers.stack().stream().map(spec -> LstmLayer.of(weights, spec)).toList(),
                DenseLayer.of(weights, layers.output()));
    }
}
