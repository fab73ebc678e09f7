package org.melodypalette.model.api;

import java.nio.file.Path;

/**
 * How a training run ended.
 *
 * @param checkpoint     the checkpoint folder (the run's output folder)
 * @param step           steps done; the checkpoint holds this step
 * @param stopped        true if the listener asked to stop before {@code totalSteps}
 * @param lastProgress   the last step's figures; null if no step ran in this session
 * @param lastEvaluation the last evaluation; null if none ran
 */
public record TrainingResult(Path checkpoint, long step, boolean stopped, TrainingProgress lastProgress,
                             EvaluationReport lastEvaluation) {
}
