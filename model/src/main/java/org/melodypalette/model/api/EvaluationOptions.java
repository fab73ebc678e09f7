package org.melodypalette.model.api;

/**
 * What {@code Evaluation.evaluate} measures and how; {@link #defaults()} are the figures of the model card.
 *
 * @param split       which windows of the dataset
 * @param seed        seed of every random choice (posterior noise, sampling, pairs, prior samples)
 * @param maxWindows  use only the split's first windows; 0 = all
 * @param threads     native threads per op of the reconstruction run; 0 keeps ND4J's default
 * @param pairs       interpolation pairs (A, B); 0 skips the interpolation figures
 * @param points      points per interpolation, endpoints included (at least 3, for the smoothness figure)
 * @param path        latent path of the interpolations
 * @param samples     prior samples for the realism figures; 0 skips them
 * @param temperature sampling temperature of the prior samples (0 = argmax)
 * @param fidelity    the exactness and path-smoothness figures ({@link EvaluationFidelity}); null skips them
 */
public record EvaluationOptions(EvaluationSplit split, long seed, int maxWindows, int threads, int pairs, int points,
                                Interpolation path, int samples, double temperature, FidelityOptions fidelity) {

    /** Without the fidelity figures. */
    public EvaluationOptions(EvaluationSplit split, long seed, int maxWindows, int threads, int pairs, int points,
                             Interpolation path, int samples, double temperature) {
        this(split, seed, maxWindows, threads, pairs, points, path, samples, temperature, null);
    }

    public static final int DEFAULT_PAIRS = 64;
    public static final int DEFAULT_POINTS = 11;
    public static final int DEFAULT_SAMPLES = 1000;
    public static final double DEFAULT_TEMPERATURE = 1.0;
    /** Upper bounds that keep a run to minutes. */
    public static final int MAX_PAIRS = 10_000;
    public static final int MAX_POINTS = 256;
    public static final int MAX_SAMPLES = 100_000;

    public EvaluationOptions {
        if (split == null || path == null) {
            throw new IllegalArgumentException("split and path are required");
        }
        if (maxWindows < 0) {
            throw new IllegalArgumentException("maxWindows " + maxWindows + " must be 0 (all) or more");
        }
        if (threads < 0) {
            throw new IllegalArgumentException("threads " + threads + " must be 0 (default) or more");
        }
        if (pairs < 0 || pairs > MAX_PAIRS) {
            throw new IllegalArgumentException("pairs " + pairs + " is outside 0.." + MAX_PAIRS);
        }
        if (points < 3 || points > MAX_POINTS) {
            throw new IllegalArgumentException("points " + points + " is outside 3.." + MAX_POINTS);
        }
        if (samples < 0 || samples > MAX_SAMPLES) {
            throw new IllegalArgumentException("samples " + samples + " is outside 0.." + MAX_SAMPLES);
        }
        if (!(temperature >= 0.0 && temperature <= 10.0)) {
            throw new IllegalArgumentException("temperature " + temperature + " is outside 0..10");
        }
    }

    /** The eval split, seed 0, all windows, 64 SLERP pairs of 11 points, 1,000 samples at temperature 1.0. */
    public static EvaluationOptions defaults() {
        return new EvaluationOptions(EvaluationSplit.EVAL, 0L, 0, TrainingOptions.DEFAULT_THREADS, DEFAULT_PAIRS,
                DEFAULT_POINTS, Interpolation.SLERP, DEFAULT_SAMPLES, DEFAULT_TEMPERATURE);
    }

    public EvaluationOptions withSeed(long newSeed) {
        return new EvaluationOptions(split, newSeed, maxWindows, threads, pairs, points, path, samples, temperature, fidelity);
    }

    public EvaluationOptions withInterpolation(int newPairs, int newPoints, Interpolation newPath) {
        return new EvaluationOptions(split, seed, maxWindows, threads, newPairs, newPoints, newPath, samples, temperature, fidelity);
    }

    public EvaluationOptions withSamples(int newSamples, double newTemperature) {
        return new EvaluationOptions(split, seed, maxWindows, threads, pairs, points, path, newSamples, newTemperature, fidelity);
    }
}
