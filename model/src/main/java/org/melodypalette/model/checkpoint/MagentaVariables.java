package org.melodypalette.model.checkpoint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.melodypalette.model.config.ModelConfig;
import org.melodypalette.model.config.ModelConfig.DecoderKind;
import org.melodypalette.model.config.ModelConfig.EncoderKind;

/**
 * Magenta's variable names for a MusicVAE and the shapes a {@link ModelConfig} gives them, so that
 * our checkpoints and magenta.js's use the same names (ARCHITECTURE.md §3–§6). Kernels are
 * {@code [in, out]}; an LSTM kernel is {@code [input + H, 4H]} with gate columns i, j, f, o.
 *
 * <pre>
 * flat encoder layer k      encoder/cell_k/bidirectional_rnn/{fw,bw}/multi_rnn_cell/cell_0/lstm_cell
 * hierarchical level l      encoder/hierarchical_level_l/cell_0/bidirectional_rnn/{fw,bw}/multi_rnn_cell/cell_0/lstm_cell
 * posterior                 encoder/mu, encoder/sigma
 * flat decoder              decoder/{z_to_initial_state, multi_rnn_cell/cell_k/lstm_cell, output_projection}
 * conductor                 decoder/hierarchical_level_0/{initial_state, cell_k/lstm_cell}
 * note decoder under it     core_decoder/decoder/{z_to_initial_state, multi_rnn_cell/cell_k/lstm_cell, output_projection}
 * </pre>
 */
public final class MagentaVariables {

    public static final String MU = "encoder/mu";
    public static final String SIGMA = "encoder/sigma";
    public static final String FLAT_DECODER = "decoder";
    public static final String CORE_DECODER = "core_decoder/decoder";
    public static final String CONDUCTOR = "decoder/hierarchical_level_0";
    public static final String CONDUCTOR_INITIAL_STATE = CONDUCTOR + "/initial_state";

    private MagentaVariables() {
    }

    public static String kernel(String scope) {
        return scope + "/kernel";
    }

    public static String bias(String scope) {
        return scope + "/bias";
    }

    /** One direction of layer {@code layer} of the flat bidirectional encoder. */
    public static String flatEncoderCell(int layer, boolean forward) {
        return "encoder/cell_" + layer + "/bidirectional_rnn/" + (forward ? "fw" : "bw")
                + "/multi_rnn_cell/cell_0/lstm_cell";
    }

    /** One direction of level {@code level} (0 = within bars, 1 = over bars) of the hierarchical encoder. */
    public static String hierarchicalEncoderCell(int level, boolean forward) {
        return "encoder/hierarchical_level_" + level + "/cell_0/bidirectional_rnn/" + (forward ? "fw" : "bw")
                + "/multi_rnn_cell/cell_0/lstm_cell";
    }

    /** Layer {@code layer} of a categorical decoder under {@code decoderScope}. */
    public static String decoderCell(String decoderScope, int layer) {
        return decoderScope + "/multi_rnn_cell/cell_" + layer + "/lstm_cell";
    }

    public static String zToInitialState(String decoderScope) {
        return decoderScope + "/z_to_initial_state";
    }

    public static String outputProjection(String decoderScope) {
        return decoderScope + "/output_projection";
    }

    public static String conductorCell(int layer) {
        return CONDUCTOR + "/cell_" + layer + "/lstm_cell";
    }

    /** The scope of the note decoder: {@link #FLAT_DECODER} or, under a conductor, {@link #CORE_DECODER}. */
    public static String noteDecoderScope(ModelConfig config) {
        return config.decoder() == DecoderKind.HIERARCHICAL ? CORE_DECODER : FLAT_DECODER;
    }

    /**
     * Size of the vector the note decoder is conditioned on: z for a flat decoder, the conductor's
     * last layer output (the bar embedding) under a conductor.
     */
    public static int noteDecoderEmbeddingSize(ModelConfig config) {
        return config.decoder() == DecoderKind.HIERARCHICAL
                ? config.conductorSizes().get(config.conductorSizes().size() - 1)
                : config.zSize();
    }

    /** Whether a variable may be absent: the posterior's sigma head is only used in training and evaluation. */
    public static boolean isOptional(String name) {
        return name.startsWith(SIGMA + "/");
    }

    /** Every variable of the architecture with its shape, in a stable order (encoder, posterior, decoder). */
    public static Map<String, int[]> shapes(ModelConfig config) {
        Map<String, int[]> shapes = new LinkedHashMap<>();
        int classes = config.numClasses();
        List<Integer> enc = config.encoderSizes();
        if (config.encoder() == EncoderKind.FLAT) {
            int input = classes;
            for (int k = 0; k < enc.size(); k++) {
                for (boolean forward : new boolean[] {true, false}) {
                    lstm(shapes, flatEncoderCell(k, forward), input, enc.get(k));
                }
                input = 2 * enc.get(k);
            }
        } else {
            for (int level = 0; level < 2; level++) {
                int input = level == 0 ? classes : 2 * enc.get(0);
                for (boolean forward : new boolean[] {true, false}) {
                    lstm(shapes, hierarchicalEncoderCell(level, forward), input, enc.get(level));
                }
            }
        }
        int encoded = 2 * enc.get(enc.size() - 1);
        dense(shapes, MU, encoded, config.zSize());
        dense(shapes, SIGMA, encoded, config.zSize());

        if (config.decoder() == DecoderKind.HIERARCHICAL) {
            List<Integer> conductor = config.conductorSizes();
            dense(shapes, CONDUCTOR_INITIAL_STATE, config.zSize(), stateSize(conductor));
            // The conductor's input is a dummy zero vector of size 1 (magenta.js and Magenta).
            int input = 1;
            for (int k = 0; k < conductor.size(); k++) {
                lstm(shapes, conductorCell(k), input, conductor.get(k));
                input = conductor.get(k);
            }
        }
        String scope = noteDecoderScope(config);
        int embedding = noteDecoderEmbeddingSize(config);
        List<Integer> dec = config.decoderSizes();
        dense(shapes, zToInitialState(scope), embedding, stateSize(dec));
        int input = classes + embedding;
        for (int k = 0; k < dec.size(); k++) {
            lstm(shapes, decoderCell(scope, k), input, dec.get(k));
            input = dec.get(k);
        }
        dense(shapes, outputProjection(scope), dec.get(dec.size() - 1), classes);
        return shapes;
    }

    /** An LSTM stack's state is (c, h) per layer: {@code Σ 2·H}. */
    static int stateSize(List<Integer> layers) {
        int size = 0;
        for (int h : layers) {
            size += 2 * h;
        }
        return size;
    }

    private static void lstm(Map<String, int[]> shapes, String scope, int input, int hidden) {
        shapes.put(kernel(scope), new int[] {input + hidden, 4 * hidden});
        shapes.put(bias(scope), new int[] {4 * hidden});
    }

    private static void dense(Map<String, int[]> shapes, String scope, int in, int out) {
        shapes.put(kernel(scope), new int[] {in, out});
        shapes.put(bias(scope), new int[] {out});
    }
}
