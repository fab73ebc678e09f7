package org.melodypalette.model.eval;

import org.melodypalette.datasets.LabelWindows;

/**
 * The baseline a continuation model must beat: {@code p(label_t | label_{t−1})} from counts over
 * windows with add-{@value #SMOOTHING} smoothing, {@code (n(a, b) + k) / (n(a) + k·C)}; a window's
 * first step is conditioned on a start context of its own.
 */
public final class BigramModel {

    /** Add-k smoothing: a label pair never seen keeps a small probability. */
    public static final double SMOOTHING = 0.1;

    /** Mean log-likelihood per step (nats) and per-step accuracy of the most likely label. */
    public record Score(long predictions, double logLikelihood, double accuracy) {
    }

    private final int classes;
    /** {@code [C + 1][C]} log-probabilities, row C the start context. */
    private final double[][] logProbabilities;
    private final int[] mostLikely;

    private BigramModel(int classes, double[][] logProbabilities, int[] mostLikely) {
        this.classes = classes;
        this.logProbabilities = logProbabilities;
        this.mostLikely = mostLikely;
    }

    /** Counts every window's label pairs. */
    public static BigramModel fit(LabelWindows windows, int classes) {
        long[][] counts = new long[classes + 1][classes];
        for (int w = 0; w < windows.count(); w++) {
            int previous = classes;
            for (int t = 0; t < windows.numSteps(); t++) {
                int label = windows.label(w, t);
                counts[previous][label]++;
                previous = label;
            }
        }
        double[][] logP = new double[classes + 1][classes];
        int[] best = new int[classes + 1];
        for (int a = 0; a <= classes; a++) {
            long total = 0;
            for (long n : counts[a]) {
                total += n;
            }
            for (int b = 0; b < classes; b++) {
                logP[a][b] = Math.log((counts[a][b] + SMOOTHING) / (total + SMOOTHING * classes));
                if (counts[a][b] > counts[a][best[a]]) {
                    best[a] = b;
                }
            }
        }
        return new BigramModel(classes, logP, best);
    }

    /** The baseline on {@code windows}, every step scored. */
    public Score score(LabelWindows windows) {
        double sum = 0;
        long hits = 0;
        long predictions = 0;
        for (int w = 0; w < windows.count(); w++) {
            int previous = classes;
            for (int t = 0; t < windows.numSteps(); t++) {
                int label = windows.label(w, t);
                sum += logProbabilities[previous][label];
                if (mostLikely[previous] == label) {
                    hits++;
                }
                predictions++;
                previous = label;
            }
        }
        return new Score(predictions, predictions == 0 ? 0 : sum / predictions,
                predictions == 0 ? 0 : hits / (double) predictions);
    }
}
