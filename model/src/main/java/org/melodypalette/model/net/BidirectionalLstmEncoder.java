package org.melodypalette.model.net;

import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Magenta's {@code BidirectionalLstmEncoder} (ARCHITECTURE.md §4): stacked bidirectional LSTM
 * layers over {@code [batch, T, in]}, both directions from a zero state, layer k+1 reading
 * {@code concat(fw, bw)} outputs of layer k at each step; the result is
 * {@code concat(final fw h, final bw h)} of the last layer, {@code [batch, 2H]} (the backward
 * direction's final h is the one after step 0).
 *
 * <p>Each direction is unrolled into {@link LstmCell} steps, with the input's share of the gates
 * of all steps computed in one matrix product. Not ND4J's fused {@code lstmLayer}: in DL4J
 * 1.0.0-M2.1 its backprop op never frees its per-call work arrays (about 21 MB per direction and
 * step at batch 64, 32 steps, 256 units), so training grew by that much native memory per step.
 */
final class BidirectionalLstmEncoder {

    /** One bidirectional layer: the forward and backward Magenta cells. */
    record Layer(LstmCell forward, LstmCell backward) {
    }

    private BidirectionalLstmEncoder() {
    }

    /**
     * @param input {@code [batch, steps, in]}
     * @return {@code [batch, 2·H_last]}
     */
    static SDVariable encode(SameDiff sd, SDVariable input, List<Layer> layers, int steps) {
        SDVariable x = input;
        for (int k = 0; k < layers.size() - 1; k++) {
            Layer layer = layers.get(k);
            SDVariable[] forward = run(sd, layer.forward(), x, steps, true);
            SDVariable[] backward = run(sd, layer.backward(), x, steps, false);
            SDVariable[] both = new SDVariable[steps];
            for (int t = 0; t < steps; t++) {
                both[t] = sd.concat(1, forward[t], backward[t]);
            }
            x = sd.stack(1, both);
        }
        Layer last = layers.get(layers.size() - 1);
        SDVariable forwardFinal = run(sd, last.forward(), x, steps, true)[steps - 1];
        SDVariable backwardFinal = run(sd, last.backward(), x, steps, false)[0];
        return sd.concat(1, forwardFinal, backwardFinal);
    }

    /**
     * One direction from a zero state.
     *
     * @param x {@code [batch, steps, in]}
     * @return h after each step, indexed by the step it read, {@code [batch, H]} each
     */
    private static SDVariable[] run(SameDiff sd, LstmCell cell, SDVariable x, int steps, boolean forward) {
        SDVariable[] inputGates = cell.inputGatesOfEveryStep(x, steps);
        SDVariable[] outputs = new SDVariable[steps];
        LstmState state = null;
        for (int s = 0; s < steps; s++) {
            int t = forward ? s : steps - 1 - s;
            state = state == null ? cell.stepFromZeroState(inputGates[t])
                    : cell.stepWithInputGates(inputGates[t], state);
            outputs[t] = state.h();
        }
        return outputs;
    }
}
