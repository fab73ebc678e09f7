package org.melodypalette.model.net;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Magenta's {@code CategoricalLstmDecoder}, teacher-forced (ARCHITECTURE.md §5): stacked LSTM
 * cells whose state starts at {@code tanh(latent·K + b)}, fed {@code concat(previous one-hot,
 * latent)} at every step, with a 90-way output projection. Used as the flat decoder (latent = z)
 * and as the hierarchical model's core decoder (latent = the bar's conductor embedding, state
 * re-initialised every bar).
 *
 * <p>Layer 0's gates are split as {@code prev·K[0:C] + latent·K[C:C+Z] + h·K[in:] + b}: the
 * previous-output share of all steps is one matrix product before the loop and the latent share
 * one per run, leaving one {@code [batch, H]·[H, 4H]} product per layer and step inside the loop.
 */
final class NoteDecoder {

    private final SameDiff sd;
    private final List<LstmCell> cells;
    private final List<Integer> sizes;
    private final SDVariable initialStateKernel;
    private final SDVariable initialStateBias;
    private final SDVariable outputKernel;
    private final SDVariable outputBias;
    private final int numClasses;
    private final SDVariable previousKernel;
    private final SDVariable latentKernel;

    /**
     * @param cells        layer 0 has input size {@code numClasses + latentSize}
     * @param outputKernel {@code [H_last, numClasses]}
     */
    NoteDecoder(SameDiff sd, List<LstmCell> cells, SDVariable initialStateKernel, SDVariable initialStateBias,
                SDVariable outputKernel, SDVariable outputBias, int numClasses) {
        this.sd = sd;
        this.cells = List.copyOf(cells);
        this.sizes = cells.stream().map(LstmCell::hiddenSize).toList();
        this.initialStateKernel = initialStateKernel;
        this.initialStateBias = initialStateBias;
        this.outputKernel = outputKernel;
        this.outputBias = outputBias;
        this.numClasses = numClasses;
        LstmCell first = cells.get(0);
        this.previousKernel = first.inputKernel().get(SDIndex.interval(0, numClasses), SDIndex.all());
        this.latentKernel = first.inputKernel().get(SDIndex.interval(numClasses, first.inputSize()), SDIndex.all());
    }

    /**
     * The previous-output share of layer 0's gates for every step.
     *
     * @param previous {@code [batch, T, C]}: step t holds the one-hot of step t−1's label (zeros at t = 0)
     * @return T arrays {@code [batch, 4H0]}, one per step
     */
    SDVariable[] projectPrevious(SDVariable previous, int steps) {
        return LstmCell.projectEveryStep(sd, previous, previousKernel, null, numClasses, sizes.get(0), steps);
    }

    /**
     * Runs steps {@code [from, to)} from a state initialised by {@code latent [batch, Z]}.
     *
     * @return the top layer's h of each step, {@code [batch, H_last]} each
     */
    List<SDVariable> run(SDVariable[] previousGates, SDVariable latent, int from, int to) {
        List<LstmState> states = LstmCell.initialStates(sd, latent, initialStateKernel, initialStateBias, sizes);
        SDVariable latentGates = latent.mmul(latentKernel).add(cells.get(0).gateBias());
        List<SDVariable> outputs = new ArrayList<>();
        for (int t = from; t < to; t++) {
            SDVariable gates = previousGates[t].add(latentGates);
            LstmState state = cells.get(0).stepWithInputGates(gates, states.get(0));
            states.set(0, state);
            for (int k = 1; k < cells.size(); k++) {
                state = cells.get(k).step(state.h(), states.get(k));
                states.set(k, state);
            }
            outputs.add(state.h());
        }
        return outputs;
    }

    /**
     * Output projection of every step at once.
     *
     * @param outputs top-layer h per step, in time order
     * @return logits {@code [batch · T, C]}, row {@code b·T + t}
     */
    SDVariable logits(List<SDVariable> outputs) {
        SDVariable stacked = sd.stack(1, outputs.toArray(SDVariable[]::new));
        return sd.reshape(stacked, -1, sizes.get(sizes.size() - 1)).mmul(outputKernel).add(outputBias);
    }
}
