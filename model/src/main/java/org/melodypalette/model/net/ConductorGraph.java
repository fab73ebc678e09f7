package org.melodypalette.model.net;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The conductor of Magenta's hierarchical decoder (docs/ARCHITECTURE.md §7): stacked LSTM cells whose
 * state starts at {@code tanh(z·K + b)} and whose input is a dummy zero of size 1 (autoregression
 * disabled, as in {@code hierdec-mel_16bar}); the top layer's h after each step is one bar's
 * embedding.
 */
final class ConductorGraph {

    private final SameDiff sd;
    private final List<LstmCell> cells;
    private final SDVariable initialStateKernel;
    private final SDVariable initialStateBias;

    /** {@code cells.get(0)} has input size 1 (the dummy input). */
    ConductorGraph(SameDiff sd, List<LstmCell> cells, SDVariable initialStateKernel, SDVariable initialStateBias) {
        this.sd = sd;
        this.cells = List.copyOf(cells);
        this.initialStateKernel = initialStateKernel;
        this.initialStateBias = initialStateBias;
    }

    /**
     * @param z {@code [batch, Z]}
     * @return one embedding {@code [batch, H_last]} per segment
     */
    List<SDVariable> embeddings(SDVariable z, int numSegments) {
        List<LstmState> states = LstmCell.initialStates(sd, z,
                initialStateKernel, initialStateBias, cells.stream().map(LstmCell::hiddenSize).toList());
        List<SDVariable> embeddings = new ArrayList<>();
        for (int s = 0; s < numSegments; s++) {
            // The dummy input is zero, so its share of layer 0's gates is just the bias.
            LstmState state = cells.get(0).stepWithInputGates(cells.get(0).gateBias(), states.get(0));
            states.set(0, state);
            for (int k = 1; k < cells.size(); k++) {
                state = cells.get(k).step(state.h(), states.get(k));
                states.set(k, state);
            }
            embeddings.add(state.h());
        }
        return embeddings;
    }
}
