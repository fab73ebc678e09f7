package org.melodypalette.model.backprop;

import java.util.List;
import java.util.Map;
import org.melodypalette.model.config.ModelConfig;
import org.melodypalette.model.layers.BidirectionalSpec;
import org.melodypalette.model.layers.LstmSpec;
import org.melodypalette.model.layers.ModelLayers;

/** A training step's weights, by role, with their transposes made once and shared (read only) by every thread. */
record StepWeights(List<StepWeights.Directions> encoder, DenseLayer mu, DenseLayer sigma, DecoderWeights conductor,
                   DecoderWeights decoder) {

    /** One bidirectional encoder layer's two cells. */
    record Directions(LstmLayer forward, LstmLayer backward) {
    }

    /** @param weights every variable of {@code config} by Magenta name, row-major */
    static StepWeights of(ModelConfig config, Map<String, float[]> weights) {
        ModelLayers layers = ModelLayers.of(config);
        List<Directions> encoder = layers.encoder().stream()
                .map((BidirectionalSpec layer) -> new Directions(LstmLayer.of(weights, layer.forward()),
                        LstmLayer.of(weights, layer.backward())))
                .toList();
        DecoderWeights conductor = layers.hasConductor()
                ? new DecoderWeights(DenseLayer.of(weights, layers.conductorInitialState()),
                        stack(weights, layers.conductor()), null)
                : null;
        DecoderWeights decoder = new DecoderWeights(DenseLayer.of(weights, layers.decoderInitialState()),
                stack(weights, layers.decoder()), DenseLayer.of(weights, layers.outputProjection()));
        return new StepWeights(encoder, DenseLayer.of(weights, layers.mu()), DenseLayer.of(weights, layers.sigma()),
                conductor, decoder);
    }

    private static List<LstmLayer> stack(Map<String, float[]> weights, List<LstmSpec> specs) {
        return specs.stream().map(spec -> LstmLayer.of(weights, spec)).toList();
    }
}
