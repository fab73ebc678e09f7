package org.melodypalette.model.net;

import java.util.List;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ops.impl.layers.recurrent.config.LSTMActivations;
import org.nd4j.linalg.api.ops.impl.layers.recurrent.config.LSTMDataFormat;
import org.nd4j.linalg.api.ops.impl.layers.recurrent.config.LSTMDirectionMode;
import org.nd4j.linalg.api.ops.impl.layers.recurrent.config.LSTMLayerConfig;
import org.nd4j.linalg.api.ops.impl.layers.recurrent.weights.LSTMLayerWeights;

/**
 * Magenta's {@code BidirectionalLstmEncoder} (ARCHITECTURE.md §4): stacked bidirectional LSTM
 * layers over {@code [batch, T, in]}, both directions from a zero state, layer k+1 reading
 * {@code concat(fw, bw)} outputs of layer k at each step; the result is
 * {@code concat(final fw h, final bw h)} of the last layer, {@code [batch, 2H]} (the backward
 * direction's final h is the one after step 0).
 *
 * <p>Each layer runs as ND4J's fused {@code lstmLayer} (no initial state, so its gradients are
 * right). The variables stay in Magenta's layout; the graph converts them for the op:
 * <pre>
 * Magenta  K [in + H, 4H] over concat(x, h), gates (i, j, f, o), forget bias +1 at run time
 * lstmLayer Wx [2, in, 4H], Wr [2, H, 4H], b [2, 4H] (fw, bw), gates (i, f, j, o), no forget bias
 * Wx[d] = reorder(K_d[0:in]), Wr[d] = reorder(K_d[in:]), b[d] = reorder(b_d + forget bias)
 * </pre>
 */
final class BidirectionalLstmEncoder {

    /** One bidirectional layer: the forward and backward Magenta cells. */
    record Layer(LstmCell forward, LstmCell backward) {
    }

    private BidirectionalLstmEncoder() {
    }

    /**
     * @param input {@code [batch, T, in]} (NTS)
     * @return {@code [batch, 2·H_last]}
     */
    static SDVariable encode(SameDiff sd, SDVariable input, List<Layer> layers) {
        SDVariable x = input;
        for (int k = 0; k < layers.size(); k++) {
            boolean last = k == layers.size() - 1;
            SDVariable out = runLayer(sd, x, layers.get(k), last);
            if (!last) {
                x = out;
            } else {
                // out: [2, batch, H] — final h of fw (index 0) and bw (index 1).
                x = sd.concat(1, out.get(SDIndex.point(0)), out.get(SDIndex.point(1)));
            }
        }
        return x;
    }

    /** Full sequence {@code [batch, T, 2H]} (concat fw, bw), or only the final h {@code [2, batch, H]}. */
    private static SDVariable runLayer(SameDiff sd, SDVariable x, Layer layer, boolean lastOnly) {
        int h = layer.forward().hiddenSize();
        LSTMLayerWeights weights = LSTMLayerWeights.builder()
                .weights(sd.stack(0, toFusedGateOrder(sd, layer.forward().inputKernel(), 2, h),
                        toFusedGateOrder(sd, layer.backward().inputKernel(), 2, h)))
                .rWeights(sd.stack(0, toFusedGateOrder(sd, layer.forward().recurrentKernel(), 2, h),
                        toFusedGateOrder(sd, layer.backward().recurrentKernel(), 2, h)))
                .bias(sd.stack(0, toFusedGateOrder(sd, layer.forward().gateBias(), 1, h),
                        toFusedGateOrder(sd, layer.backward().gateBias(), 1, h)))
                .build();
        LSTMLayerConfig config = LSTMLayerConfig.builder()
                .lstmdataformat(LSTMDataFormat.NTS)
                .directionMode(LSTMDirectionMode.BIDIR_CONCAT)
                .gateAct(LSTMActivations.SIGMOID)
                .cellAct(LSTMActivations.TANH)
                .outAct(LSTMActivations.TANH)
                .retFullSequence(!lastOnly)
                .retLastH(lastOnly)
                .retLastC(false)
                .build();
        return sd.rnn().lstmLayer(x, weights, config)[0];
    }

    /** Columns (i, j, f, o) → (i, f, j, o) along the last axis of a kernel {@code [rows, 4H]} (rank 2) or bias {@code [4H]} (rank 1). */
    static SDVariable toFusedGateOrder(SameDiff sd, SDVariable m, int rank, int h) {
        return sd.concat(rank - 1, block(m, rank, 0, h), block(m, rank, 2, h), block(m, rank, 1, h),
                block(m, rank, 3, h));
    }

    private static SDVariable block(SDVariable m, int rank, int gate, int h) {
        SDIndex columns = SDIndex.interval(gate * h, (gate + 1) * h);
        return rank == 1 ? m.get(columns) : m.get(SDIndex.all(), columns);
    }
}
