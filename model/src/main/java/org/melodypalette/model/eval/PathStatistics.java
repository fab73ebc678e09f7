package org.melodypalette.model.eval;

import java.util.ArrayList;
import java.util.List;
import org.melodypalette.model.api.EvaluationInterpolationPath;
import org.melodypalette.model.api.Hamming;

/** Sums one interpolation method's figures over pairs (definitions in {@link EvaluationInterpolationPath}). */
final class PathStatistics {

    private final int points;
    private final double[] hammingSum;
    private final long[] notes;
    private final long[] notesInKey;
    private double secondDifferenceSum;
    private double largestStepSum;
    private int pairs;

    PathStatistics(int points) {
        if (points < 3) {
            throw new IllegalArgumentException("a path needs at least 3 points for its second differences, not " + points);
        }
        this.points = points;
        this.hammingSum = new double[points];
        this.notes = new long[points];
        this.notesInKey = new long[points];
    }

    /** Adds one pair's path ({@code points} canonical label windows) from A in {@code key}. */
    void add(int[][] path, int[] a, DiatonicKey key) {
        if (path.length != points) {
            throw new IllegalArgumentException("a path of " + path.length + " points, expected " + points);
        }
        double[] h = new double[points];
        for (int i = 0; i < points; i++) {
            h[i] = Hamming.normalized(path[i], a);
            hammingSum[i] += h[i];
            int[] pitches = EvalLabels.onsetPitches(path[i]);
            notes[i] += pitches.length;
            notesInKey[i] += key.countIn(pitches);
        }
        double secondDifferences = 0;
        for (int i = 1; i < points - 1; i++) {
            secondDifferences += Math.abs(h[i + 1] - 2 * h[i] + h[i - 1]);
        }
        secondDifferenceSum += secondDifferences / (points - 2);
        double largest = 0;
        for (int i = 0; i < points - 1; i++) {
            largest = Math.max(largest, Hamming.normalized(path[i], path[i + 1]));
        }
        largestStepSum += largest;
        pairs++;
    }

    EvaluationInterpolationPath report() {
        if (pairs == 0) {
            throw new IllegalStateException("no pair was added");
        }
        List<Double> hamming = new ArrayList<>(points);
        List<Double> inKey = new ArrayList<>(points);
        long innerNotes = 0;
        long innerInKey = 0;
        for (int i = 0; i < points; i++) {
            hamming.add(hammingSum[i] / pairs);
            inKey.add(share(notesInKey[i], notes[i]));
            if (i > 0 && i < points - 1) {
                innerNotes += notes[i];
                innerInKey += notesInKey[i];
            }
        }
        return new EvaluationInterpolationPath(hamming, secondDifferenceSum / pairs, largestStepSum / pairs, inKey,
                share(innerInKey, innerNotes));
    }

    /** {@code part / whole}; NaN without notes. */
    static double share(long part, long whole) {
        return whole == 0 ? Double.NaN : part / (double) whole;
    }
}
