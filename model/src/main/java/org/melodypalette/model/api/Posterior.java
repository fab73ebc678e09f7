package org.melodypalette.model.api;

/**
 * The encoder's posterior {@code q(z | x) = N(mu, sigma²)} for a batch, for evaluation (KL, ELBO):
 * {@code mu[n]} and {@code sigma[n]} have {@code zSize} values. {@code sigma} is null when the
 * checkpoint has no {@code encoder/sigma} variables. The arrays are the caller's to keep.
 */
public record Posterior(float[][] mu, float[][] sigma) {

    public Posterior {
        if (mu == null) {
            throw new IllegalArgumentException("mu is required");
        }
        if (sigma != null && sigma.length != mu.length) {
            throw new IllegalArgumentException(mu.length + " mu rows but " + sigma.length + " sigma rows");
        }
    }
}
