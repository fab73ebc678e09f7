package org.melodypalette.model.train;

import java.util.Map;
import org.melodypalette.datasets.LabelWindows;
import org.melodypalette.model.api.ContinuationEvaluation;
import org.melodypalette.model.backprop.ContinuationBackprop;
import org.melodypalette.model.config.ComputeOptions;
import org.melodypalette.model.config.ContinuationConfig;
import org.melodypalette.model.eval.BigramModel;

/**
 * Held-out figures of a continuation model: every step of every window predicted from the true labels
 * before it (the training step's forward pass, in batches of {@value #BATCH}), and the bigram baseline on
 * the same windows.
 */
public final class ContinuationEvaluator {

    static final int BATCH = 64;

    private ContinuationEvaluator() {
    }

    /**
     * @param weights every variable of {@code config} by name
     * @param bigram  the baseline, fitted on the train split
     */
    public static ContinuationEvaluation evaluate(ContinuationConfig config, Map<String, float[]> weights,
                                                  LabelWindows windows, BigramModel bigram, long step, int threads,
                                                  ComputeOptions.Kernel kernel) {
        int count = windows.count();
        int steps = windows.numSteps();
        double logLikelihood = 0;
        long hits = 0;
        for (int from = 0; from < count; from += BATCH) {
            int size = Math.min(BATCH, count - from);
            int[][] labels = new int[size][];
            for (int b = 0; b < size; b++) {
                labels[b] = windows.window(from + b);
            }
            try (ContinuationBackprop forward = ContinuationBackprop.create(config, weights, size, steps, threads, kernel)) {
                ContinuationBackprop.Result result = forward.evaluate(weights, labels);
                logLikelihood -= result.loss() * result.predictions();
                hits += result.hits();
            }
        }
        long predictions = (long) count * steps;
        double meanLogLikelihood = predictions == 0 ? 0 : logLikelihood / predictions;
        BigramModel.Score baseline = bigram.score(windows);
        return new ContinuationEvaluation(step, count, predictions, predictions == 0 ? 0 : hits / (double) predictions,
                meanLogLikelihood, Math.exp(-meanLogLikelihood), baseline.logLikelihood(), baseline.accuracy());
    }
}
