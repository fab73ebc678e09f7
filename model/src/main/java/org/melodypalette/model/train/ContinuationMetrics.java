package org.melodypalette.model.train;

import java.util.List;
import org.melodypalette.model.api.ContinuationEvaluation;
import org.melodypalette.model.api.TrainingProgress;

/**
 * A continuation run's history, stored as {@code metrics.json}: training figures averaged over every
 * {@code historyInterval} steps ({@code loss} = {@code reconstruction} = mean nats per step, no KL), and
 * every evaluation.
 */
public record ContinuationMetrics(String model, List<TrainingProgress> history,
                                  List<ContinuationEvaluation> evaluations) {

    public ContinuationMetrics {
        history = List.copyOf(history);
        evaluations = List.copyOf(evaluations);
    }
}
