package org.melodypalette.model.layers;

import org.melodypalette.model.config.ModelConfig;
import org.melodypalette.model.config.ModelConfig.DecoderKind;

/**
 * Magenta's variable names for a MusicVAE, so that our checkpoints and magenta.js's use the same
 * names; {@link ModelLayers} gives each its shape. Kernels are {@code [in, out]}; an LSTM kernel is
 * {@code [input + H, 4H]} with gate columns i, j, f, o.
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

    /** One direction of layer (flat) or level (hierarchical) {@code layer} of the encoder. */
    public static String encoderCell(boolean hierarchical, int layer, boolean forward) {
        return hierarchical ? hierarchicalEncoderCell(layer, forward) : flatEncoderCell(layer, forward);
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

    /** Whether a variable may be absent: the posterior's sigma head is only used in training and evaluation. */
    public static boolean isOptional(String name) {
        return name.startsWith(SIGMA + "/");
    }
}
