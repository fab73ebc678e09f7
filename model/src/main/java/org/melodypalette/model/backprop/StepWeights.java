package org.melodypalette.model.backprop;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.melodypalette.model.checkpoint.MagentaVariables;
import org.melodypalette.model.config.ModelConfig;
import org.melodypalette.model.config.ModelConfig.DecoderKind;
import org.melodypalette.model.config.ModelConfig.EncoderKind;

/** A training step's weights, by role, with their transposes made once and shared (read only) by every thread. */
record StepWeights(List<LstmLayer[]> encoder, DenseLayer mu, DenseLayer sigma, DecoderWeights conductor,
                   DecoderWeights decoder) {

    /** @param weights every variable of {@code config} by Magenta name, row-major */
    static StepWeights of(ModelConfig config, Map<String, float[]> weights) {
        int classes = config.numClasses();
        List<Integer> enc = config.encoderSizes();
        boolean hierarchicalEncoder = config.encoder() == EncoderKind.HIERARCHICAL;
        List<LstmLayer[]> encoder = new ArrayList<>();
        for (int k = 0; k < enc.size(); k++) {
            int in = k == 0 ? classes : 2 * enc.get(k - 1);
            LstmLayer[] directions = new LstmLayer[2];
            for (int d = 0; d < 2; d++) {
                String scope = hierarchicalEncoder ? MagentaVariables.hierarchicalEncoderCell(k, d == 0)
                        : MagentaVariables.flatEncoderCell(k, d == 0);
                directions[d] = LstmLayer.of(weights, scope, in, enc.get(k));
            }
            encoder.add(directions);
        }
        int encoded = 2 * enc.get(enc.size() - 1);
        int z = config.zSize();
        DenseLayer mu = DenseLayer.of(weights, MagentaVariables.MU, encoded, z);
        DenseLayer sigma = DenseLayer.of(weights, MagentaVariables.SIGMA, encoded, z);
        DecoderWeights conductor = null;
        if (config.decoder() == DecoderKind.HIERARCHICAL) {
            List<Integer> sizes = config.conductorSizes();
            List<LstmLayer> cells = new ArrayList<>();
            for (int k = 0; k < sizes.size(); k++) {
                cells.add(LstmLayer.of(weights, MagentaVariables.conductorCell(k), k == 0 ? 1 : sizes.get(k - 1),
                        sizes.get(k)));
            }
            conductor = new DecoderWeights(DenseLayer.of(weights, MagentaVariables.CONDUCTOR_INITIAL_STATE, z,
                    stateSize(sizes)), cells, null);
        }
        String scope = MagentaVariables.noteDecoderScope(config);
        int embedding = MagentaVariables.noteDecoderEmbeddingSize(config);
        List<Integer> sizes = config.decoderSizes();
        List<LstmLayer> cells = new ArrayList<>();
        for (int k = 0; k < sizes.size(); k++) {
            cells.add(LstmLayer.of(weights, MagentaVariables.decoderCell(scope, k),
                    k == 0 ? classes + embedding : sizes.get(k - 1), sizes.get(k)));
        }
        DecoderWeights decoder = new DecoderWeights(
                DenseLayer.of(weights, MagentaVariables.zToInitialState(scope), embedding, stateSize(sizes)), cells,
                DenseLayer.of(weights, MagentaVariables.outputProjection(scope), sizes.get(sizes.size() - 1), classes));
        return new StepWeights(encoder, mu, sigma, conductor, decoder);
    }

    private static int stateSize(List<Integer> sizes) {
        return sizes.stream().mapToInt(h -> 2 * h).sum();
    }
}
