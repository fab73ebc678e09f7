package org.melodypalette.model.api;

/**
 * One training step's figures, as a progress line shows them. Losses are per sequence (one window
 * of {@code numSteps} steps), in nats, averaged over the batch.
 *
 * @param step                updates done so far (the step just finished is {@code step − 1})
 * @param totalSteps          the step the run stops at
 * @param sequencesPerSecond  training throughput over the recent steps
 * @param loss                the optimised loss: reconstruction + beta · max(kl − free bits, 0)
 * @param reconstruction      cross-entropy summed over steps (nats per sequence)
 * @param kl                  KL(q(z|x) ‖ N(0, I)) before free bits (nats per sequence)
 * @param accuracy            per-step accuracy on this batch, with the decoder inputs the step used
 * @param learningRate        Adam learning rate used for the step
 * @param beta                KL weight used for the step
 * @param elapsedSeconds      wall time of the whole run, over all sessions
 * @param etaSeconds          estimated wall time until {@code totalSteps}
 * @param samplingProbability scheduled sampling: the chance that a decoder input was the model's own
 *                            sample rather than the true previous label (Magenta's
 *                            {@code sampling_probability}); 0 = teacher-forced, also in history
 *                            written before this field existed
 */
public record TrainingProgress(long step, long totalSteps, double sequencesPerSecond, double loss,
                               double reconstruction, double kl, double accuracy, double learningRate,
                               double beta, double elapsedSeconds, double etaSeconds, double samplingProbability) {

    /** A teacher-forced step ({@code samplingProbability} 0). */
    public TrainingProgress(long step, long totalSteps, double sequencesPerSecond, double loss,
                            double reconstruction, double kl, double accuracy, double learningRate,
                            double beta, double elapsedSeconds, double etaSeconds) {
        this(step, totalSteps, sequencesPerSecond, loss, reconstruction, kl, accuracy, learningRate, beta,
                elapsedSeconds, etaSeconds, 0);
    }
}
