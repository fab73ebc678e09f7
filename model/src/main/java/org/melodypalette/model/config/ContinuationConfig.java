package org.melodypalette.model.config;

import java.util.List;
import org.melodypalette.tokenizer.MelodyVocabulary;

/**
 * A continuation model: an autoregressive LSTM language model over the melody classes
 * (docs/ARCHITECTURE.md §12). Layer 0 reads {@code [previous label one-hot C | step-in-bar one-hot P]}
 * (P = {@link #positions()}: {@code stepsPerBar} when position-conditioned, else 0); the stack starts from
 * a zero state; the top h is projected to C logits predicting the step's label.
 *
 * @param name                the preset's name
 * @param layerSizes          units of each stacked LSTM layer (at least one)
 * @param numSteps            steps of a training window (a whole number of bars); sampling may run longer
 * @param stepsPerBar         16 for 16th notes in 4/4
 * @param positionConditioned whether layer 0 also reads the step's position in the bar
 * @param minPitch            lowest pitch of the vocabulary (21 as Magenta)
 * @param maxPitch            highest pitch (108)
 * @param training            batch size, learning-rate schedule, clipping and transposition (the KL and
 *                            sampling-schedule fields are unused: the model has no latent and is teacher-forced)
 */
public record ContinuationConfig(String name, List<Integer> layerSizes, int numSteps, int stepsPerBar,
                                 boolean positionConditioned, int minPitch, int maxPitch,
                                 TrainingConfig training) {

    /** The {@code type} field that marks a continuation model's {@code config.json}. */
    public static final String TYPE = "continuation";

    public ContinuationConfig {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a continuation config needs a name");
        }
        if (layerSizes == null || layerSizes.isEmpty() || layerSizes.stream().anyMatch(s -> s == null || s < 1)) {
            throw new IllegalArgumentException(name + ": layer sizes " + layerSizes + " must be one or more positive sizes");
        }
        layerSizes = List.copyOf(layerSizes);
        if (stepsPerBar < 1 || numSteps < 1 || numSteps % stepsPerBar != 0) {
            throw new IllegalArgumentException(name + ": numSteps " + numSteps + " is not a whole number of "
                    + stepsPerBar + "-step bars");
        }
        if (minPitch < 0 || maxPitch > 127 || minPitch > maxPitch) {
            throw new IllegalArgumentException(name + ": pitch range " + minPitch + ".." + maxPitch + " is not within 0..127");
        }
        if (training == null) {
            throw new IllegalArgumentException(name + ": training settings are required");
        }
    }

    /** C: no event, note off, and a note on per pitch (the vocabulary of {@code minPitch..maxPitch}). */
    public int numClasses() {
        return new MelodyVocabulary(minPitch, maxPitch).size();
    }

    /** P: the width of the position one-hot layer 0 reads (0 when not position-conditioned). */
    public int positions() {
        return positionConditioned ? stepsPerBar : 0;
    }

    public int bars() {
        return numSteps / stepsPerBar;
    }

    public ContinuationConfig withName(String newName) {
        return new ContinuationConfig(newName, layerSizes, numSteps, stepsPerBar, positionConditioned, minPitch,
                maxPitch, training);
    }

    public ContinuationConfig withLayers(List<Integer> sizes) {
        return new ContinuationConfig(name, sizes, numSteps, stepsPerBar, positionConditioned, minPitch, maxPitch,
                training);
    }

    public ContinuationConfig withSteps(int steps, int perBar) {
        return new ContinuationConfig(name, layerSizes, steps, perBar, positionConditioned, minPitch, maxPitch,
                training);
    }

    public ContinuationConfig withPositionConditioning(boolean conditioned) {
        return new ContinuationConfig(name, layerSizes, numSteps, stepsPerBar, conditioned, minPitch, maxPitch,
                training);
    }

    public ContinuationConfig withTraining(TrainingConfig newTraining) {
        return new ContinuationConfig(name, layerSizes, numSteps, stepsPerBar, positionConditioned, minPitch,
                maxPitch, newTraining);
    }
}
