package org.melodypalette.model.api;

/**
 * Reconstruction quality of a checkpoint on a set of windows, as in the MusicVAE paper (Table 1).
 * For each window, z is drawn from the posterior: {@code z = mu + sigma · eps}, eps ~ N(0, I) from
 * the report's seed (Magenta's evaluation samples z the same way). Then:
 * <ul>
 *   <li>{@code teacherForcedAccuracy}: the fraction of steps whose most likely label (argmax)
 *       equals the true one when the decoder is fed the true previous labels;</li>
 *   <li>{@code sampledAccuracy}: the fraction of steps whose label equals the true one when the
 *       decoder runs free from that z, feeding back its own labels drawn from
 *       {@code softmax(logits)} at temperature 1.0 (seeded);</li>
 *   <li>{@code reconstruction}: teacher-forced cross-entropy, nats per sequence;</li>
 *   <li>{@code kl}: KL(q(z|x) ‖ N(0, I)), nats per sequence (no free bits);</li>
 *   <li>{@code elbo}: {@code −(reconstruction + kl)}, nats per sequence — the evidence lower bound
 *       on log p(x), one-sample estimate; higher is better.</li>
 * </ul>
 * All averages are over windows (each window has the same number of steps).
 *
 * @param split   which windows
 * @param windows how many were evaluated
 * @param step    the checkpoint's training step
 * @param seed    seed of the posterior noise and of the sampling
 */
public record EvaluationReport(EvaluationSplit split, int windows, long step, double teacherForcedAccuracy,
                               double sampledAccuracy, double reconstruction, double kl, double elbo, long seed) {
}
