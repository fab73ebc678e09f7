package org.melodypalette.model.api;

import java.nio.file.Path;

/**
 * Callbacks from a training run, on the training thread. Every method has a do-nothing default.
 * {@link #stopRequested} is polled after each step: returning true makes the run write a
 * checkpoint and return (a clean Ctrl-C).
 */
public interface TrainingListener {

    /** After every step. */
    default void onProgress(TrainingProgress progress) {
    }

    /** After each periodic evaluation on the eval split. */
    default void onEvaluation(EvaluationReport report) {
    }

    /** After each periodic evaluation of a continuation model on the eval split. */
    default void onContinuationEvaluation(ContinuationEvaluation evaluation) {
    }

    /** After a checkpoint is complete on disk. */
    default void onCheckpoint(Path folder, long step) {
    }

    default boolean stopRequested() {
        return false;
    }
}
