package org.melodypalette.model.backprop;

import java.util.List;
import java.util.Map;
import org.melodypalette.model.config.ModelConfig;
import org.melodypalette.model.layers.BidirectionalSpec;
import org.melodypalette.model.layers.LstmSpec;
import org.melodypalette.model.layers.ModelLayers;

/** A training step's weights, by role, with their transposes made once and shared (read only) by every thread. */
record StepWeights(List<StepWeights.Directions> encoder, DenseBackprop mu, DenseBackprop sigma,
                   DecoderWeights conductor, DecoderWeights decoder) {

    /** One bidirectional encoder layer's two cells. */
    record Directions(LstmStepWeights forward, LstmStepWeights backward) {
    }

    /** @param weights every variable of {@code config} by Magenta name, row-major */
    static StepWeights of(ModelConfig config, Map<String, float[]> weights) {
        ModelLayers layers = ModelLayers.of(config);
        List<Directions> encoder = layers.encoder().stream()
                .map((BidirectionalSpec layer) -> new Directions(LstmStepWeights.of(weights, layer.forward()),
                        LstmStepWeights.of(weights, layer.backward())))
                .toList();
        return new StepWeights(encoder, DenseBackprop.of(weights, layers.mu()),
                DenseBackprop.of(weights, layers.sigma()),
                conductorOf(layers, weights), noteDecoderOf(layers, weights));
    }

    /**
     * Only the decoder's weights (conductor and note decoder; encoder, mu and sigma null), for
     * passes that start from z: the checkpoint may lack the encoder's sigma head.
     */
    static StepWeights decoderOf(ModelConfig config, Map<String, float[]> weights) {
        ModelLayers layers = ModelLayers.of(config);
        return new StepWeights(List.of(), null, null, conductorOf(layers, weights), noteDecoderOf(layers, weights));
    }

    /** The hierarchical decoder's conductor; null for a flat decoder. */
    private static DecoderWeights conductorOf(ModelLayers layers, Map<String, float[]> weights) {
        return layers.hasConductor()
                ? new DecoderWeights(DenseBackprop.of(weights, layers.conductorInitialState()),
                        stack(weights, layers.conductor()), null)
                : null;
    }

    private static DecoderWeights noteDecoderOf(ModelLayers layers, Map<String, float[]> weights) {
        return new DecoderWeights(DenseBackprop.of(weights, layers.decoderInitialState()),
                stack(weights, layers.decoder()), DenseBackprop.of(weights, layers.outputProjection()));
    }

    private static List<LstmStepWeights> stack(Map<String, float[]> weights, List<LstmSpec> specs) {
        return specs.stream().map(spec -> LstmStepWeights.of(weights, spec)).toList();
    }
}
