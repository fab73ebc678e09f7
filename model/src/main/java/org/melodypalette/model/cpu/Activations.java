package org.melodypalette.model.cpu;

/**
 * The scalar activations every CPU engine uses, float in and out, computed in double and rounded
 * once. {@link VectorActivations} is the vector counterpart (within 4e-7 of these).
 */
public final class Activations {

    private Activations() {
    }

    /** {@code σ(x) = 1 / (1 + e^−x)}. */
    public static float sigmoid(float x) {
        return (float) (1 / (1 + Math.exp(-x)));
    }

    /** tanh through {@code exp} ({@code Math.tanh} is a slow native call); ±1 beyond |x| = 20. */
    public static float tanh(float x) {
        double ax = Math.abs((double) x);
        if (ax > 20) {
            return Math.copySign(1f, x);
        }
        double e = Math.exp(-2 * ax);
        return (float) Math.copySign((1 - e) / (1 + e), x);
    }

    /** {@code softplus(x) = log(1 + e^x)}, stable for large |x|: the posterior's sigma. */
    public static float softplus(float x) {
        return (float) (x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x)));
    }
}
