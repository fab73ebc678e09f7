package org.melodypalette.model.api;

/**
 * What the fidelity figures of {@code palette eval} measure ({@link EvaluationFidelity}).
 *
 * @param pairs         interpolation pairs (A, B), picked as {@link EvaluationInterpolation}'s; 0 skips the path figures
 * @param points        points per path, ends included (at least 3)
 * @param refine        how the refined end codes (and, with {@code refineWindows}, every window) are refined
 * @param refineWindows also refine windows and report their exactness, steps and time
 * @param refineStride  refine every {@code refineStride}-th window of the split (1 = all): an evenly spread
 *                      sample when refining them all would take too long
 */
public record FidelityOptions(int pairs, int points, RefineOptions refine, boolean refineWindows, int refineStride) {

    public static final int DEFAULT_POINTS = 21;

    public FidelityOptions {
        if (pairs < 0 || pairs > EvaluationOptions.MAX_PAIRS) {
            throw new IllegalArgumentException("pairs " + pairs + " is outside 0.." + EvaluationOptions.MAX_PAIRS);
        }
        if (points < 3 || points > EvaluationOptions.MAX_POINTS) {
            throw new IllegalArgumentException("points " + points + " is outside 3.." + EvaluationOptions.MAX_POINTS);
        }
        if (refineStride < 1) {
            throw new IllegalArgumentException("refine stride " + refineStride + " must be at least 1");
        }
        if (refine == null) {
            throw new IllegalArgumentException("the refinement options are required (RefineOptions.NONE for none)");
        }
    }

    /** 64 pairs of 21 points, {@link RefineOptions#DEFAULT} end codes, windows not refined. */
    public static FidelityOptions defaults() {
        return new FidelityOptions(EvaluationOptions.DEFAULT_PAIRS, DEFAULT_POINTS, RefineOptions.DEFAULT, false, 1);
    }
}
