package org.melodypalette.model.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Where the {@code n} points of a morph sit on the line from A ({@code t = 0}) to B ({@code t = 1}):
 * the strip's steps are points {@code 0..n−1} and the slider at position {@code p} plays
 * {@link #at(double) t(p)}, which passes through point i at {@code p = i/(n−1)}, so the strip and the
 * slider agree.
 *
 * <p>{@link #uniform} spaces the points evenly in t (magenta.js). The decoder's argmax does not change
 * evenly along t: melodies stay put for long stretches and then several steps flip at once.
 * {@link #evenChange} spaces them evenly in what you hear: from the melodies decoded at
 * {@link #finePoints} evenly spaced t ({@value #FINE_PER_STEP} per step), it keeps the {@code n} (ends
 * included, in order) whose largest change between neighbours is smallest, and among those the ones whose changes are most alike (least
 * sum of squared changes). Melodies that appear only briefly between two others may be stepped over.
 *
 * @param t the points' positions on the line, {@code t[0] = 0 < t[1] < … < t[n−1] = 1}
 */
public record MorphPath(double[] t) {

    /** Fine points per step of the morph that {@link #evenChange} chooses from (fewer for long morphs, at least 2). */
    static final int FINE_PER_STEP = 24;
    /**
     * Long morphs get fewer evenly spaced fine points per step, so that a morph costs at most about this
     * many decodes, and as many again for {@link #evenInHearing}'s midpoints.
     */
    static final int FINE_BUDGET = 480;
    /** {@link #evenInHearing} halves a fine step at most 6 times. */
    static final int MAX_SPLIT = 64;
    /** Midpoints decoded together in {@link #evenInHearing}. */
    private static final int SPLIT_BATCH = 16;

    public MorphPath {
        if (t == null || t.length < 2 || t[0] != 0 || t[t.length - 1] != 1) {
            throw new IllegalArgumentException("a morph path needs at least 2 points from t = 0 to t = 1");
        }
        for (int i = 1; i < t.length; i++) {
            if (!(t[i] > t[i - 1])) {
                throw new IllegalArgumentException("morph path points must increase: t[" + i + "] = " + t[i]);
            }
        }
        t = t.clone();
    }

    /** {@code n ≥ 2} points at {@code t = i/(n−1)}. */
    public static MorphPath uniform(int n) {
        requireAtLeastTwo(n);
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i == n - 1 ? 1 : i / (double) (n - 1);
        }
        return new MorphPath(t);
    }

    /** How many evenly spaced melodies {@link #evenChange} needs for a morph of {@code n} points. */
    public static int finePoints(int n) {
        requireAtLeastTwo(n);
        int perStep = Math.max(2, Math.min(FINE_PER_STEP, FINE_BUDGET / (n - 1)));
        return perStep * (n - 1) + 1;
    }

    /**
     * @param fine the label sequences decoded at {@code t = j/(F−1)}, {@code F = finePoints(n)}, in the one
     *             form that compares what is heard (equal labels = same melody)
     */
    public static MorphPath evenChange(int[][] fine, int n) {
        int count = finePoints(n);
        if (fine.length != count) {
            throw new IllegalArgumentException("a morph of " + n + " points chooses from " + count
                    + " melodies, got " + fine.length);
        }
        return evenChange(uniform(count).t, fine, n);
    }

    /**
     * {@link #evenChange(int[][], int)} from melodies heard at any increasing positions: the
     * {@link #finePoints} evenly spaced ones, then, up to as many again, the midpoints of the fine
     * intervals with the largest change, largest first, each interval halved down to 1/{@value #MAX_SPLIT}
     * of a fine step. A jump between two evenly spaced melodies is often several smaller ones close
     * together, which the midpoints find (docs/measurements/refine/finer-morph-2bar.txt).
     *
     * @param heardAt the melodies heard at the given positions on the line (one decode batch), in the
     *                one form that compares what is heard
     */
    public static MorphPath evenInHearing(int n, Function<double[], int[][]> heardAt) {
        int count = finePoints(n);
        TreeMap<Double, int[]> fine = new TreeMap<>();
        double[] start = uniform(count).t;
        int[][] heard = heardAt.apply(start);
        for (int j = 0; j < count; j++) {
            fine.put(start[j], heard[j]);
        }
        double narrowest = 1.0 / ((count - 1) * (double) MAX_SPLIT);
        PriorityQueue<double[]> widest = new PriorityQueue<>((x, y) -> Double.compare(y[2], x[2]));
        for (int j = 0; j + 1 < count; j++) {
            offer(widest, start[j], start[j + 1], fine, narrowest);
        }
        for (int extra = count - 1; extra > 0 && !widest.isEmpty(); ) {
            int batch = Math.min(Math.min(SPLIT_BATCH, extra), widest.size());
            double[][] split = new double[batch][];
            double[] middles = new double[batch];
            for (int k = 0; k < batch; k++) {
                split[k] = widest.poll();
                middles[k] = (split[k][0] + split[k][1]) / 2;
            }
            int[][] found = heardAt.apply(middles);
            for (int k = 0; k < batch; k++) {
                fine.put(middles[k], found[k]);
                offer(widest, split[k][0], middles[k], fine, narrowest);
                offer(widest, middles[k], split[k][1], fine, narrowest);
            }
            extra -= batch;
        }
        double[] t = fine.keySet().stream().mapToDouble(Double::doubleValue).toArray();
        return evenChange(t, fine.values().toArray(int[][]::new), n);
    }

    /** Queues {@code {from, to, change}} when the melodies at its ends differ and it may still be halved. */
    private static void offer(PriorityQueue<double[]> queue, double from, double to, TreeMap<Double, int[]> fine,
                              double narrowest) {
        double change = Hamming.normalized(fine.get(from), fine.get(to));
        if (change > 0 && to - from > 1.5 * narrowest) {
            queue.add(new double[] {from, to, change});
        }
    }

    /** The n points chosen from melodies {@code fine[j]} heard at positions {@code fineT[j]} (increasing, 0 to 1). */
    private static MorphPath evenChange(double[] fineT, int[][] fine, int n) {
        int count = fine.length;
        if (count < n) {
            throw new IllegalArgumentException("a morph of " + n + " points chooses from at least " + n
                    + " melodies, got " + count);
        }
        double[][] change = new double[count][count];
        for (int i = 0; i < count; i++) {
            for (int j = i + 1; j < count; j++) {
                change[i][j] = Hamming.normalized(fine[i], fine[j]);
            }
        }
        double largest = smallestLargestChange(change, n);
        int[] chosen = mostEvenWithin(change, n, largest);
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = fineT[chosen[i]];
        }
        return new MorphPath(t);
    }

    /** A copy: the record keeps its positions to itself. */
    @Override
    public double[] t() {
        return t.clone();
    }

    public int size() {
        return t.length;
    }

    /** Point i's position on the line. */
    public double t(int i) {
        return t[i];
    }

    /** The line position the slider plays at {@code position} in [0, 1]: linear between the points. */
    public double at(double position) {
        double p = Math.max(0, Math.min(1, position)) * (t.length - 1);
        long nearest = Math.round(p);
        if (Math.abs(p - nearest) < 1e-9) {
            return t[(int) nearest];
        }
        int i = Math.min((int) Math.floor(p), t.length - 2);
        return t[i] + (p - i) * (t[i + 1] - t[i]);
    }

    /** The codes of the points between {@code a} and {@code b}; the ends are a and b exactly. */
    public List<LatentVector> points(LatentVector a, LatentVector b, Interpolation mode) {
        List<LatentVector> points = new ArrayList<>(t.length);
        for (int i = 0; i < t.length; i++) {
            points.add(i == 0 ? a : i == t.length - 1 ? b : LatentMath.between(a, b, t[i], mode));
        }
        return List.copyOf(points);
    }

    /** The same for codes that may carry bar offsets ({@link LatentCode#between}); the ends are a and b exactly. */
    public List<LatentCode> points(LatentCode a, LatentCode b, Interpolation mode) {
        return codesAt(t, a, b, mode);
    }

    /** The codes at positions {@code t} of the line from {@code a} to {@code b}: exactly a at 0 and b at 1. */
    static List<LatentCode> codesAt(double[] t, LatentCode a, LatentCode b, Interpolation mode) {
        List<LatentCode> points = new ArrayList<>(t.length);
        for (double position : t) {
            points.add(position == 0 ? a : position == 1 ? b : LatentCode.between(a, b, position, mode));
        }
        return List.copyOf(points);
    }

    /** min over choices of {@code n} increasing indices from 0 to F−1 of the largest {@code change[i][j]} between neighbours. */
    private static double smallestLargestChange(double[][] change, int n) {
        int count = change.length;
        double[] previous = new double[count];
        Arrays.fill(previous, Double.POSITIVE_INFINITY);
        previous[0] = 0;
        for (int k = 1; k < n; k++) {
            double[] current = new double[count];
            Arrays.fill(current, Double.POSITIVE_INFINITY);
            for (int j = k; j < count; j++) {
                for (int i = k - 1; i < j; i++) {
                    current[j] = Math.min(current[j], Math.max(previous[i], change[i][j]));
                }
            }
            previous = current;
        }
        return previous[count - 1];
    }

    /** The choice with no change above {@code largest} and the least sum of squared changes (earliest on ties). */
    private static int[] mostEvenWithin(double[][] change, int n, double largest) {
        int count = change.length;
        double[][] cost = new double[n][count];
        int[][] from = new int[n][count];
        for (double[] row : cost) {
            Arrays.fill(row, Double.POSITIVE_INFINITY);
        }
        cost[0][0] = 0;
        for (int k = 1; k < n; k++) {
            for (int j = k; j < count; j++) {
                for (int i = k - 1; i < j; i++) {
                    double c = change[i][j];
                    if (c <= largest && cost[k - 1][i] + c * c < cost[k][j]) {
                        cost[k][j] = cost[k - 1][i] + c * c;
                        from[k][j] = i;
                    }
                }
            }
        }
        int[] chosen = new int[n];
        chosen[n - 1] = count - 1;
        for (int k = n - 1; k > 0; k--) {
            chosen[k - 1] = from[k][chosen[k]];
        }
        return chosen;
    }

    private static void requireAtLeastTwo(int n) {
        if (n < 2) {
            throw new IllegalArgumentException("an interpolation needs at least 2 points, not " + n);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MorphPath other && Arrays.equals(t, other.t);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(t);
    }

    @Override
    public String toString() {
        return "MorphPath" + Arrays.toString(t);
    }
}
