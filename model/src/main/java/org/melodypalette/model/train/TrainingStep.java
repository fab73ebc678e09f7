package org.melodypalette.model.train;

import org.melodypalette.model.checkpoint.WeightSet;

/**
 * One update of the weights per training batch: the loss and gradients, the gradients clipped to the
 * config's global norm ({@link Trainer#clipScale}), then Adam ({@link AdamOptimizer}).
 * {@link HandWrittenTrainingStep} keeps the weights in float arrays; {@code graphtrain.GraphTrainingStep}
 * in the SameDiff graph's variables. Both compute the same math (docs/ARCHITECTURE.md §8;
 * MusicVaeBackpropTest, TrainerTest).
 */
public interface TrainingStep extends AutoCloseable {

    /**
     * @param labels       {@code [B][T]} class labels: encoder input and decoder target
     * @param eps          {@code [B, Z]} reparameterisation noise, row-major
     * @param draw         scheduled sampling's inputs, or null for teacher forcing
     * @param learningRate this update's Adam learning rate
     * @return the batch's figures
     */
    StepFigures run(int[][] labels, float[] eps, double beta, ScheduledSamplingDraw draw, double learningRate);

    /** A copy of the current weights, in manifest order. */
    WeightSet weights();

    /** The teacher-forced pass evaluation runs, on the current weights. */
    TeacherForcedPass evaluationPass();

    /** The engine in words, for the log. */
    String description();

    @Override
    void close();
}
