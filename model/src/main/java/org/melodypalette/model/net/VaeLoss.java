package org.melodypalette.model.net;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Magenta's MusicVAE loss pieces, per sequence, in nats:
 * <pre>
 * r_loss  = −Σ_t log softmax(logits_t)[target_t]                        (summed over steps)
 * kl      = Σ_d ½(mu_d² + sigma_d² − 1) − log sigma_d                     KL(N(mu, sigma²) ‖ N(0, I))
 * kl_cost = max(kl − free_bits · ln 2, 0)
 * loss    = mean_batch(r_loss) + beta · mean_batch(kl_cost)
 * </pre>
 * Cross-entropy is computed by hand from {@code logSoftmax(x)} (last axis): DL4J's
 * {@code softmaxCrossEntropy} loses scaling applied after it in backprop, and
 * {@code logSoftmax(x, dim)} breaks gradient creation.
 */
final class VaeLoss {

    private VaeLoss() {
    }

    /**
     * @param logits {@code [batch · T, C]}
     * @param target one-hot {@code [batch, T, C]}
     * @return {@code [batch]}
     */
    static SDVariable reconstruction(SameDiff sd, SDVariable logits, SDVariable target, int steps, int classes) {
        SDVariable logProbabilities = sd.nn.logSoftmax(logits);
        SDVariable perStep = logProbabilities.mul(sd.reshape(target, -1, classes)).sum(1);
        return sd.reshape(perStep, -1, steps).sum(1).neg();
    }

    /** KL divergence of the diagonal posterior from the standard normal prior, {@code [batch]}. */
    static SDVariable kl(SameDiff sd, SDVariable mu, SDVariable sigma) {
        SDVariable quadratic = sd.math.square(mu).add(sd.math.square(sigma)).sub(1.0).mul(0.5);
        return quadratic.sub(sd.math.log(sigma)).sum(1);
    }

    /** {@code max(kl − freeNats, 0)}, {@code [batch]}. */
    static SDVariable klCost(SameDiff sd, SDVariable kl, double freeNats) {
        return sd.nn.relu(kl.sub(freeNats), 0.0);
    }
}
