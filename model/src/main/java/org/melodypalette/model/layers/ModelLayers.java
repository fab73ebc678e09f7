package org.melodypalette.model.layers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.melodypalette.model.config.ModelConfig;
import org.melodypalette.model.config.ModelConfig.DecoderKind;
import org.melodypalette.model.config.ModelConfig.EncoderKind;

/**
 * Every layer a {@link ModelConfig} implies, with its sizes and Magenta variable names: the one
 * description the SameDiff graph, the hand-written training step and the inference kernel read
 * (docs/ARCHITECTURE.md §4–§7). With C classes, Z latent dimensions:
 * <pre>
 *   encoder              bidirectional layers; layer 0 reads one-hot [C], layer k+1 [h_fw | h_bw] of layer k
 *                        (flat: stacked over all steps; hierarchical: level 0 per bar, level 1 over bars)
 *   mu, sigma            dense [2·H_enc] → [Z]
 *   conductor            hierarchical decoder only: initial state dense [Z] → [Σ 2·H], LSTMs reading a
 *                        dummy zero of size 1; the top layer's h is a bar's embedding E
 *   note decoder         initial state dense [E] → [Σ 2·H] (E = Z when flat), LSTMs, layer 0 reading
 *                        [previous one-hot C | E]; output projection [H_top] → [C]
 * </pre>
 *
 * @param conductorInitialState null and {@code conductor} empty for a flat decoder
 */
public record ModelLayers(List<BidirectionalSpec> encoder, DenseSpec mu, DenseSpec sigma,
                          DenseSpec conductorInitialState, List<LstmSpec> conductor,
                          DenseSpec decoderInitialState, List<LstmSpec> decoder, DenseSpec outputProjection) {

    /** The conductor's input: a dummy zero vector of this size (Magenta and magenta.js). */
    public static final int CONDUCTOR_INPUT_SIZE = 1;

    public ModelLayers {
        encoder = List.copyOf(encoder);
        conductor = List.copyOf(conductor);
        decoder = List.copyOf(decoder);
    }

    public static ModelLayers of(ModelConfig config) {
        int classes = config.numClasses();
        int z = config.zSize();
        boolean hierarchicalEncoder = config.encoder() == EncoderKind.HIERARCHICAL;
        List<BidirectionalSpec> encoder = new ArrayList<>();
        int input = classes;
        for (int k = 0; k < config.encoderSizes().size(); k++) {
            int hidden = config.encoderSizes().get(k);
            encoder.add(new BidirectionalSpec(
                    new LstmSpec(MagentaVariables.encoderCell(hierarchicalEncoder, k, true), input, hidden),
                    new LstmSpec(MagentaVariables.encoderCell(hierarchicalEncoder, k, false), input, hidden)));
            input = 2 * hidden;
        }
        int encoded = encoder.get(encoder.size() - 1).outputSize();
        DenseSpec mu = new DenseSpec(MagentaVariables.MU, encoded, z);
        DenseSpec sigma = new DenseSpec(MagentaVariables.SIGMA, encoded, z);

        DenseSpec conductorInitialState = null;
        List<LstmSpec> conductor = List.of();
        int embedding = z;
        if (config.decoder() == DecoderKind.HIERARCHICAL) {
            conductor = stack(MagentaVariables.CONDUCTOR, CONDUCTOR_INPUT_SIZE, config.conductorSizes(), true);
            conductorInitialState = new DenseSpec(MagentaVariables.CONDUCTOR_INITIAL_STATE, z, stateSize(conductor));
            embedding = conductor.get(conductor.size() - 1).hidden();
        }
        String scope = MagentaVariables.noteDecoderScope(config);
        List<LstmSpec> decoder = stack(scope, classes + embedding, config.decoderSizes(), false);
        return new ModelLayers(encoder, mu, sigma, conductorInitialState, conductor,
                new DenseSpec(MagentaVariables.zToInitialState(scope), embedding, stateSize(decoder)), decoder,
                new DenseSpec(MagentaVariables.outputProjection(scope), decoder.get(decoder.size() - 1).hidden(),
                        classes));
    }

    /** Stacked LSTMs: layer 0 reads {@code input} values, layer k+1 layer k's h. */
    private static List<LstmSpec> stack(String scope, int input, List<Integer> sizes, boolean conductor) {
        List<LstmSpec> layers = new ArrayList<>();
        for (int k = 0; k < sizes.size(); k++) {
            String cell = conductor ? MagentaVariables.conductorCell(k) : MagentaVariables.decoderCell(scope, k);
            layers.add(new LstmSpec(cell, k == 0 ? input : sizes.get(k - 1), sizes.get(k)));
        }
        return layers;
    }

    /** {@code Σ 2·H}: the width of a stack's state, (c, h) per layer in layer order. */
    public static int stateSize(List<LstmSpec> stack) {
        return stack.stream().mapToInt(layer -> 2 * layer.hidden()).sum();
    }

    public boolean hasConductor() {
        return !conductor.isEmpty();
    }

    /** {@code [2·H]}: the encoder's output, the last layer's final forward and backward h. */
    public int encodedSize() {
        return encoder.get(encoder.size() - 1).outputSize();
    }

    /** E: what the note decoder is conditioned on (z when flat, a bar embedding under a conductor). */
    public int noteEmbeddingSize() {
        return decoderInitialState.in();
    }

    /** Every variable with its shape, in a stable order (encoder, posterior, conductor, note decoder). */
    public Map<String, int[]> shapes() {
        Map<String, int[]> shapes = new LinkedHashMap<>();
        for (BidirectionalSpec layer : encoder) {
            put(shapes, layer.forward());
            put(shapes, layer.backward());
        }
        put(shapes, mu);
        put(shapes, sigma);
        if (hasConductor()) {
            put(shapes, conductorInitialState);
            conductor.forEach(layer -> put(shapes, layer));
        }
        put(shapes, decoderInitialState);
        decoder.forEach(layer -> put(shapes, layer));
        put(shapes, outputProjection);
        return shapes;
    }

    private static void put(Map<String, int[]> shapes, LstmSpec layer) {
        shapes.put(layer.kernel(), layer.kernelShape());
        shapes.put(layer.bias(), layer.biasShape());
    }

    private static void put(Map<String, int[]> shapes, DenseSpec layer) {
        shapes.put(layer.kernel(), layer.kernelShape());
        shapes.put(layer.bias(), layer.biasShape());
    }
}
