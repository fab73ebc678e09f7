package org.melodypalette.model.net;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Magenta's {@code CategoricalLstmDecoder} in training (docs/ARCHITECTURE.md §6): stacked LSTM
 * cells whose state starts at {@code tanh(latent·K + b)}, fed {@code concat(previous one-hot,
 * latent)} at every step, with a 90-way output projection; the previous one-hot is the true
 * label (teacher forcing) or, under scheduled sampling, sometimes the model's own sample. Used as
 * the flat decoder (latent = z) and as the hierarchical model's core decoder (latent = the bar's
 * conductor embedding, state re-initialised every bar).
 *
 * <p>Layer 0's gates are split as {@code prev·K[0:C] + latent·K[C:C+Z] + h·K[in:] + b}: the
 * previous-output share of all steps is one matrix product before the loop and the latent share
 * one per run, leaving one {@code [batch, H]·[H, 4H]} product per layer and step inside the loop.
 */
final class NoteDecoderGraph {

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
    NoteDecoderGraph(SameDiff sd, List<LstmCell> cells, SDVariable initialStateKernel, SDVariable initialStateBias,
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
     * Runs steps {@code [from, to)} teacher-forced from a state initialised by {@code latent [batch, Z]}.
     *
     * @return the top layer's h of each step, {@code [batch, H_last]} each
     */
    List<SDVariable> run(SDVariable[] previousGates, SDVariable latent, int from, int to) {
        return run(previousGates, null, latent, from, to);
    }

    /**
     * Runs steps {@code [from, to)} from a state initialised by {@code latent [batch, Z]}; with
     * {@code scheduled} inputs (or null for teacher forcing) every step but the first reads either
     * the true previous label or a label sampled from the previous step's logits.
     *
     * @return the top layer's h of each step, {@code [batch, H_last]} each
     */
    List<SDVariable> run(SDVariable[] previousGates, ScheduledInputs scheduled, SDVariable latent, int from, int to) {
        List<LstmState> states = LstmCell.initialStates(sd, latent, initialStateKernel, initialStateBias, sizes);
        SDVariable latentGates = latent.mmul(latentKernel).add(cells.get(0).gateBias());
        List<SDVariable> outputs = new ArrayList<>();
        for (int t = from; t < to; t++) {
            SDVariable previous = scheduled == null || t == from ? previousGates[t]
                    : scheduledPrevious(scheduled, t, outputs.get(outputs.size() - 1));
            LstmState state = cells.get(0).stepWithInputGates(previous.add(latentGates), states.get(0));
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
     * Magenta's ScheduledOutputTrainingHelper for step t: the previous-output share of layer 0's
     * gates for {@code label = sampler ? argmax(logits_{t−1} + gumbel) : trueLabel}, the sample being
     * a draw from {@code softmax(logits_{t−1})}. argmax has no gradient, so none flows through the
     * sample; for a true label the product equals {@link #projectPrevious}'s row exactly.
     *
     * @param lastH the top layer's h of step t−1, {@code [batch, H_last]}
     */
    private SDVariable scheduledPrevious(ScheduledInputs scheduled, int t, SDVariable lastH) {
        SDVariable sampled = sd.argmax(lastH.mmul(outputKernel).add(scheduled.logitOffsets().get(t)), 1);
        SDVariable label = scheduled.trueLabels().get(t).add(sampled.mul(scheduled.sampler().get(t)));
        return sd.oneHot(label, numClasses, -1, 1.0, 0.0, lastH.dataType()).mmul(previousKernel);
    }

    /**
     * Unstacks scheduled sampling's placeholders per step.
     *
     * @param previous    {@code [batch, T, C]}: the true previous one-hots (zeros at t = 0)
     * @param teacherMask {@code [batch, T]}: 1 where step t reads the true label, 0 where it reads a sample
     * @param noise       {@code [batch, T, C]}: Gumbel noise of the sample step t may read
     */
    ScheduledInputs scheduledInputs(SDVariable previous, SDVariable teacherMask, SDVariable noise, int steps) {
        SDVariable mask = teacherMask.castTo(DataType.INT64);
        SDVariable trueLabels = sd.argmax(previous, 2).mul(mask);
        SDVariable sampler = teacherMask.rsub(1.0).castTo(DataType.INT64);
        return new ScheduledInputs(List.of(sd.unstack(trueLabels, 1, steps)), List.of(sd.unstack(sampler, 1, steps)),
                List.of(sd.unstack(noise.add(outputBias), 1, steps)));
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
