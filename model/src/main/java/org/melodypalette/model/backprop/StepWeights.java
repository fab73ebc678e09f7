package org.melodypalette.model.backprop;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.melodypalette.model.checkpoint.MagentaVariables;
import org.melodypalette.model.config.ModelConfig;
import org.melodypalette.model.config.ModelConfig.DecoderKind;
import org.melodypalette.model.config.ModelConfig.EncoderKind;

/** A training step's weights, by role, with their transposes made once and shared (read only) by every thread. */
record StepWeights(List<StepWeights.Directions> encoder, DenseLayer mu, DenseLayer sigma, DecoderWeights conductor,
                   DecoderWeights decoder) {

    /** One bidirectional encoder layer's two cells. */
    record Directions(LstmLayer forward, LstmLayer backward) {
    }

    /** @param weights every variable of {@code config} by Magenta name, row-major */
    static StepWeights of(ModelConfig config, Map<String, float[]> weights) {
        int classes = config.numClasses();
        List<Integer> enc = config.encoderSizes();
        boolean hierarchicalEncoder = config.encoder() == EncoderKind.HIERARCHICAL;
        List<LstmLayer> forward = stack(weights, k -> encoderCell(hierarchicalEncoder, k, true), classes, enc, 2);
        List<LstmLayer> backward = stack(weights, k -> encoderCell(hierarchicalEncoder, k, false), classes, enc, 2);
        List<Directions> encoder = new ArrayList<>();
        for (int k = 0; k < enc.size(); k++) {
            encoder.add(new Directions(forward.get(k), backward.get(k)));
        }
        int encoded = 2 * enc.get(enc.size() - 1);
        int z = config.zSize();
        DenseLayer mu = DenseLayer.of(weights, MagentaVariables.MU, encoded, z);
        DenseLayer sigma = DenseLayer.of(weights, MagentaVariables.SIGMA, encoded, z);
        return new StepWeights(encoder, mu, sigma, conductorOf(config, weights), noteDecoderOf(config, weights));
    }

    /**
     * Only the decoder's weights (conductor and note decoder; encoder, mu and sigma null), for
     * passes that start from z: the checkpoint may lack the encoder's sigma head.
     */
    static StepWeights decoderOf(ModelConfig config, Map<String, float[]> weights) {
        return new StepWeights(List.of(), null, null, conductorOf(config, weights), noteDecoderOf(config, weights));
    }

    /** The hierarchical decoder's conductor; null for a flat decoder. */
    private static DecoderWeights conductorOf(ModelConfig config, Map<String, float[]> weights) {
        if (config.decoder() != DecoderKind.HIERARCHICAL) {
            return null;
        }
        List<Integer> sizes = config.conductorSizes();
        // The conductor's input is a dummy zero of size 1.
        List<LstmLayer> cells = stack(weights, MagentaVariables::conductorCell, 1, sizes, 1);
        return new DecoderWeights(DenseLayer.of(weights, MagentaVariables.CONDUCTOR_INITIAL_STATE, config.zSize(),
                stateSize(sizes)), cells, null);
    }

    private static DecoderWeights noteDecoderOf(ModelConfig config, Map<String, float[]> weights) {
        String scope = MagentaVariables.noteDecoderScope(config);
        int embedding = MagentaVariables.noteDecoderEmbeddingSize(config);
        List<Integer> sizes = config.decoderSizes();
        List<LstmLayer> cells = stack(weights, k -> MagentaVariables.decoderCell(scope, k),
                config.numClasses() + embedding, sizes, 1);
        return new DecoderWeights(
                DenseLayer.of(weights, MagentaVariables.zToInitialState(scope), embedding, stateSize(sizes)), cells,
                DenseLayer.of(weights, MagentaVariables.outputProjection(scope), sizes.get(sizes.size() - 1),
                        config.numClasses()));
    }

    private static String encoderCell(boolean hierarchical, int layer, boolean forward) {
        return hierarchical ? MagentaVariables.hierarchicalEncoderCell(layer, forward)
                : MagentaVariables.flatEncoderCell(layer, forward);
    }

    /**
     * Stacked layers {@code scope(k)}: layer 0 reads {@code input} values, layer k+1 reads
     * {@code outputsPerUnit ·} layer k's size (2 for a bidirectional encoder's concatenated directions).
     */
    private static List<LstmLayer> stack(Map<String, float[]> weights, IntFunction<String> scope, int input,
                                         List<Integer> sizes, int outputsPerUnit) {
        List<LstmLayer> layers = new ArrayList<>();
        for (int k = 0; k < sizes.size(); k++) {
            layers.add(LstmLayer.of(weights, scope.apply(k), k == 0 ? input : outputsPerUnit * sizes.get(k - 1),
                    sizes.get(k)));
        }
        return layers;
    }

    /** {@code Σ 2·H}: an LSTM stack's (c, h) state width. */
    private static int stateSize(List<Integer> sizes) {
        return sizes.stream().mapToInt(h -> 2 * h).sum();
    }
}
