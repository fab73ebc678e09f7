package org.melodypalette.app.workbench.train;

/**
 * Training figures averaged over the steps up to {@code step} since the previous point, as the
 * loss chart shows them. Losses are nats per sequence.
 *
 * @param step           the last step the point covers
 * @param loss           the optimised loss
 * @param reconstruction cross-entropy of the reconstruction
 * @param kl             KL divergence before free bits
 * @param accuracy       teacher-forced per-step accuracy on the training batches
 */
public record LossPoint(long step, double loss, double reconstruction, double kl, double accuracy) {
}
