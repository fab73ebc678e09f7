package org.melodypalette.model.eval;

import java.util.SplittableRandom;

/**
 * The naive baseline of the MusicVAE article: interpolating in data space by mixing the two label
 * sequences step by step, with no model.
 *
 * <p>Definition. Let A and B have {@code S} steps and the path have {@code N} points
 * {@code i = 0..N−1} at {@code α = i/(N−1)}. Draw one random order {@code π} of the steps per pair
 * (Fisher–Yates from the given generator). Point {@code i} takes B's label at the first
 * {@code k(i) = round(α·S)} steps of {@code π} (half rounds up) and A's label elsewhere. So the
 * share of steps taken from B is α up to rounding, point 0 is A, point N−1 is B, and each point
 * keeps every B step of the one before it (the mix only moves towards B). The result is then made
 * canonical ({@link EvalLabels#canonical}): mixing can leave a note held under B's NO_EVENTs or a
 * NOTE_OFF over silence, and the labels compared are those of the melody the mix describes.
 */
public final class DataSpaceInterpolation {

    private DataSpaceInterpolation() {
    }

    /** {@code points} label windows from A to B (endpoints included), as defined above. */
    public static int[][] path(int[] a, int[] b, int points, SplittableRandom random) {
        if (a.length != b.length || a.length == 0) {
            throw new IllegalArgumentException("cannot mix windows of " + a.length + " and " + b.length + " steps");
        }
        if (points < 2) {
            throw new IllegalArgumentException("an interpolation needs at least 2 points, not " + points);
        }
        int[] order = permutation(a.length, random);
        int[][] path = new int[points][];
        for (int i = 0; i < points; i++) {
            int[] mix = a.clone();
            int fromB = stepsFromB(i, points, a.length);
            for (int k = 0; k < fromB; k++) {
                mix[order[k]] = b[order[k]];
            }
            path[i] = EvalLabels.canonical(mix);
        }
        return path;
    }

    /** {@code round(i·steps/(points−1))}, halves rounded up, in exact integer arithmetic. */
    static int stepsFromB(int point, int points, int steps) {
        return (2 * point * steps + (points - 1)) / (2 * (points - 1));
    }

    /** A uniformly random order of {@code 0..n−1} (Fisher–Yates). */
    static int[] permutation(int n, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }
}
