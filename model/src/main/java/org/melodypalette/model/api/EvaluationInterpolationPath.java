package org.melodypalette.model.api;

import java.util.List;

/**
 * Figures of one interpolation method over all pairs (see {@link EvaluationInterpolation}). With
 * {@code h_p(i)} the normalised Hamming distance (share of 16th steps whose labels differ) from
 * point {@code i} of pair {@code p}'s path to A:
 *
 * @param hammingToA              {@code points} values: mean over pairs of {@code h_p(i)}; the curve
 *                                of the MusicVAE paper's Figure 5
 * @param meanAbsSecondDifference mean over pairs and inner points of
 *                                {@code |h(i+1) − 2·h(i) + h(i−1)|}: 0 when every step moves equally far
 *                                from A, large when the path stalls and then jumps. Lower is smoother
 * @param meanLargestStep         mean over pairs of the largest Hamming distance between consecutive
 *                                points: the biggest single change along the path, as a share of steps.
 *                                Evenly spread change gives about {@code distanceAB / (points − 1)}
 * @param inKeyByPoint            {@code points} values: share of the notes at point {@code i} (pooled over
 *                                pairs) whose pitch class is in the pair's key: the best-fitting
 *                                diatonic set (12 sets = 24 major/natural-minor keys) over the notes of
 *                                A and B together, ties to the lowest major tonic (C first)
 * @param inKey                   the same share pooled over the inner points {@code 1..points−2}
 *                                (NaN if they have no notes)
 */
public record EvaluationInterpolationPath(List<Double> hammingToA, double meanAbsSecondDifference,
                                          double meanLargestStep, List<Double> inKeyByPoint, double inKey) {

    public EvaluationInterpolationPath {
        hammingToA = List.copyOf(hammingToA);
        inKeyByPoint = List.copyOf(inKeyByPoint);
        if (hammingToA.size() != inKeyByPoint.size()) {
            throw new IllegalArgumentException(hammingToA.size() + " Hamming points but " + inKeyByPoint.size()
                    + " in-key points");
        }
    }
}
