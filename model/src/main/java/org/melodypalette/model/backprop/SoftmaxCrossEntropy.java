package org.melodypalette.model.backprop;

import java.util.Arrays;
import org.melodypalette.model.cpu.Rows;

/**
 * The categorical loss of a run of logits rows ({@code [count, C]}, row {@code r = t·N + n}, time-major):
 * {@code −log softmax(logits_r)[target_r]} summed per sequence, and its gradient on the logits,
 * {@code (softmax − onehot(target))·scale}. Probabilities replace the logits in place between the two.
 */
final class SoftmaxCrossEntropy {

    private SoftmaxCrossEntropy() {
    }

    /**
     * Replaces each logits row by its softmax and adds its cross-entropy to {@code rowLoss[r % rows]}
     * (cleared first); returns how many rows' argmax equals the target.
     */
    static long forward(float[] logits, int[] targets, int count, int classes, double[] rowLoss, int rows) {
        Arrays.fill(rowLoss, 0, rows, 0);
        long hits = 0;
        for (int r = 0; r < count; r++) {
            int o = r * classes;
            int best = Rows.argmax(logits, o, classes);
            float max = logits[o + best];
            if (best == targets[r]) {
                hits++;
            }
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                float e = (float) Math.exp(logits[o + c] - max);
                logits[o + c] = e;
                sum += e;
            }
            double target = logits[o + targets[r]];
            rowLoss[r % rows] -= Math.log(target / sum);
            float inverse = (float) (1 / sum);
            for (int c = 0; c < classes; c++) {
                logits[o + c] *= inverse;
            }
        }
        return hits;
    }

    /** After {@link #forward}: the probabilities become the loss gradient {@code (p − onehot)·scale}. */
    static void backward(float[] probabilities, int[] targets, int count, int classes, float scale) {
        for (int r = 0; r < count; r++) {
            int o = r * classes;
            probabilities[o + targets[r]] -= 1f;
            for (int c = 0; c < classes; c++) {
                probabilities[o + c] *= scale;
            }
        }
    }
}
