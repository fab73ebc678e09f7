package org.melodypalette.model.backprop;

import java.util.List;

/** One step's weights of a note decoder (or, without an output layer, the conductor). */
record DecoderWeights(DenseBackprop initialState, List<LstmStepWeights> layers, DenseBackprop output) {

    DecoderWeights {
        layers = List.copyOf(layers);
    }
}
