package org.melodypalette.model.train;

import java.util.Map;
import java.util.function.Supplier;
import org.melodypalette.model.checkpoint.WeightSet;

/**
 * The teacher-forced forward pass that evaluation runs on a MusicVAE's weights (the SameDiff graph's,
 * {@code graphtrain.GraphTeacherForcedPass}): per batch the predicted labels, the posterior samples and
 * the summed reconstruction loss and KL.
 */
public interface TeacherForcedPass {

    /**
     * @param predicted          {@code [B][T]} argmax of the logits
     * @param z                  {@code [B][Z]} posterior samples {@code mu + sigma·eps}
     * @param reconstructionSum  the batch's reconstruction loss summed over sequences, nats
     * @param klSum              the batch's KL summed over sequences, nats
     */
    record Figures(int[][] predicted, float[][] z, double reconstructionSum, double klSum) {
    }

    /**
     * @param labels {@code [B][T]} class labels: encoder input and decoder target
     * @param eps    {@code [B, Z]} reparameterisation noise, row-major
     */
    Figures run(int[][] labels, float[] eps);

    /** Runs {@code evaluation}, whose batches share working memory freed when it returns. */
    <T> T evaluation(Supplier<T> evaluation);

    /** Replaces the weights the pass runs with: every variable by name, row-major. */
    void load(Map<String, float[]> weights);

    /** A copy of the weights the pass runs with, in manifest order. */
    WeightSet weights();
}
