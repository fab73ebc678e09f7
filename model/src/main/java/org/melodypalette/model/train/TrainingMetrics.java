package org.melodypalette.model.train;

import java.util.List;
import org.melodypalette.model.api.EvaluationReport;
import org.melodypalette.model.api.TrainingProgress;

/**
 * The run's history, stored as {@code metrics.json}: training figures averaged over every
 * {@code historyInterval} steps, and every evaluation.
 *
 * @param model       the config's name
 * @param history     averaged training figures, by step
 * @param evaluations periodic evaluations on the eval split, by step
 */
public record TrainingMetrics(String model, List<TrainingProgress> history, List<EvaluationReport> evaluations) {

    public static final String FILE_NAME = "metrics.json";

    public TrainingMetrics {
        history = List.copyOf(history);
        evaluations = List.copyOf(evaluations);
    }
}
