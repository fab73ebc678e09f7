package org.melodypalette.model.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Whether the model gives melodies back and moves between them by small steps, as the workbench
 * decodes (argmax through {@link LatentCodec}). Labels are compared in the one canonical form of
 * the other evaluation figures; a window is exact when every 16th step's label is its own.
 *
 * @param windows     the split's windows measured
 * @param mean        argmax from the posterior mean, per window
 * @param refined     argmax from refined codes, per window of the refined sample; null unless asked for
 * @param refinedWindows windows in the refined sample (every {@code refineStride}-th); 0 when not refined
 * @param meanPaths   slerp/lerp paths between the posterior means of the pairs; null with 0 pairs
 * @param refinedPaths the same between refined codes of A and B
 * @param refinedEvenPaths the same points spaced evenly in what is heard ({@link MorphPath#evenChange}), as the
 *                  workbench's strip and slider do
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EvaluationFidelity(int windows, Exactness mean, Exactness refined, int refinedWindows,
                                 Paths meanPaths, Paths refinedPaths, Paths refinedEvenPaths) {

    /**
     * @param exact        share of windows decoded exactly
     * @param withinOne    share with at most 1 wrong step
     * @param withinTwo    share with at most 2 wrong steps
     * @param barsExact    share of bars (of all windows) decoded exactly
     * @param steps        refinement steps per window: median, 90th percentile, largest (null for the mean)
     * @param millis       time per window (a batch's wall time over its windows): median, 90th percentile,
     *                     largest (null for the mean)
     * @param refine       the refinement's options (null for the mean)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Exactness(double exact, double withinOne, double withinTwo, double barsExact, Quantiles steps,
                            Quantiles millis, RefineOptions refine) {
    }

    /** Median, 90th percentile and largest of a distribution. */
    public record Quantiles(double median, double p90, double max) {
    }

    /**
     * @param pairs                 pairs measured
     * @param points                points per path, ends included
     * @param path                  LERP or SLERP
     * @param meanDistinct          mean over pairs of the number of distinct melodies on the path
     * @param meanLargestChange     mean over pairs of the largest normalised Hamming distance between
     *                              neighbouring points (an even spread gives about Hamming(A, B)/(points − 1))
     * @param worstLargestChange    the largest such distance of any pair
     * @param endsEqual             share of pairs whose first point is A and last point is B
     */
    public record Paths(int pairs, int points, Interpolation path, double meanDistinct, double meanLargestChange,
                        double worstLargestChange, double endsEqual) {
    }
}
