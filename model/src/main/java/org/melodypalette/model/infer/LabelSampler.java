package org.melodypalette.model.infer;

import java.util.SplittableRandom;

/**
 * Turns one step's logits into a label (argmax is {@link org.melodypalette.model.cpu.Rows#argmax}): a
 * draw from {@code softmax(logits / T)}, optionally restricted to the smallest set of most likely
 * classes whose probability reaches {@code topP} (nucleus sampling). Probabilities in double; a
 * logit of {@code −∞} is a class that cannot be drawn.
 */
final class LabelSampler {

    private final double[] weights;
    private final int[] order;

    LabelSampler(int classes) {
        this.weights = new double[classes];
        this.order = new int[classes];
    }

    int sample(float[] logits, int offset, int classes, double temperature, double topP, SplittableRandom random) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
            max = Math.max(max, logits[offset + c] / temperature);
        }
        double total = 0;
        for (int c = 0; c < classes; c++) {
            weights[c] = Math.exp(logits[offset + c] / temperature - max);
            total += weights[c];
            order[c] = c;
        }
        int kept = classes;
        if (topP < 1.0) {
            sortByWeightDescending(classes);
            double needed = topP * total;
            double sum = 0;
            kept = 0;
            while (kept < classes && sum < needed) {
                sum += weights[order[kept++]];
            }
            total = sum;
        }
        double u = random.nextDouble() * total;
        // Classes of weight 0 (logits of −∞: masked out) are never returned, also when rounding leaves u ≥ 0.
        int chosen = order[0];
        for (int i = 0; i < kept; i++) {
            if (weights[order[i]] > 0) {
                chosen = order[i];
                u -= weights[chosen];
                if (u < 0) {
                    return chosen;
                }
            }
        }
        return chosen;
    }

    /** Insertion sort of {@link #order} by weight, ties by class (90 classes: cheap and allocation-free). */
    private void sortByWeightDescending(int classes) {
        for (int i = 1; i < classes; i++) {
            int c = order[i];
            int j = i - 1;
            while (j >= 0 && weights[order[j]] < weights[c]) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = c;
        }
    }
}
