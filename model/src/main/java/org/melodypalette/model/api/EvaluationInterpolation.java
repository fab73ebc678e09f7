package org.melodypalette.model.api;

/**
 * How interpolating through the latent space compares with naively mixing the two melodies
 * (the MusicVAE paper's Figure 5 and its "data space" baseline).
 *
 * <p>For each of {@code pairs} pairs (A, B) of distinct windows with notes, drawn with the seed from
 * the evaluated windows, two paths of {@code points} melodies run from A to B:
 * <ul>
 *   <li>{@code latent}: what the workbench does, {@link MelodyGenerator#interpolate} with
 *       {@code latentPath} between the posterior means {@code mu} of A and B, each point decoded by
 *       argmax, endpoints decoded too (so point 0 is A's reconstruction, not A);</li>
 *   <li>{@code data}: A's labels with a growing random share of steps replaced by B's (exactly
 *       defined in {@code org.melodypalette.model.eval.DataSpaceInterpolation}).</li>
 * </ul>
 * Labels are compared in canonical form: those of the melody a sequence describes.
 *
 * @param pairs          pairs evaluated
 * @param points         melodies per path, endpoints included
 * @param latentPath     LERP or SLERP between the two {@code mu}
 * @param distanceAB     mean normalised Hamming distance between A and B: where the data path ends
 * @param endpointsInKey share of A's and B's notes inside the key of the pair (pooled over pairs):
 *                       the reference for the paths' {@code inKey}
 * @param latent         the latent path's figures
 * @param data           the data-space path's figures
 */
public record EvaluationInterpolation(int pairs, int points, Interpolation latentPath, double distanceAB,
                                      double endpointsInKey, EvaluationInterpolationPath latent,
                                      EvaluationInterpolationPath data) {
}
