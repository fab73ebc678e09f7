package org.melodypalette.model.refine;

/**
 * One vector under Adam (Kingma and Ba, bias-corrected, their default decay rates): the code or
 * offsets being refined, the gradient of the latest pass and the two moments.
 */
final class AdamVector {

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    final float[] values;
    private final double[] gradient;
    private final double[] m;
    private final double[] v;
    private int updates;

    AdamVector(float[] start) {
        this.values = start.clone();
        this.gradient = new double[values.length];
        this.m = new double[values.length];
        this.v = new double[values.length];
    }

    /** gradient = source[from ..] + weight·values (the gradient of a weight·½|values|² term). */
    void setGradient(float[] source, int from, double weight) {
        for (int d = 0; d < values.length; d++) {
            gradient[d] = source[from + d] + weight * values[d];
        }
    }

    /** Adam's next update, bias-corrected by its own count of updates. */
    void step(double learningRate) {
        int t = ++updates;
        double c1 = 1 - Math.pow(BETA1, t);
        double c2 = 1 - Math.pow(BETA2, t);
        for (int d = 0; d < values.length; d++) {
            m[d] = BETA1 * m[d] + (1 - BETA1) * gradient[d];
            v[d] = BETA2 * v[d] + (1 - BETA2) * gradient[d] * gradient[d];
            values[d] -= (float) (learningRate * (m[d] / c1) / (Math.sqrt(v[d] / c2) + EPSILON));
        }
    }
}
