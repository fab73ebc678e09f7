package org.melodypalette.model.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Counts per bin of one feature over a set of melodies, and two ways to compare such histograms
 * after normalising each to a probability distribution p, q:
 * <ul>
 *   <li>{@link #overlap}: histogram intersection {@code Σ min(p_k, q_k)}, 1 for identical
 *       distributions and 0 for disjoint ones. It equals {@code 1 − total variation distance} and is
 *       the discrete form of the overlapping area Yang &amp; Lerch (2018, "On the evaluation of
 *       generative models in music") use to compare feature distributions;</li>
 *   <li>{@link #jensenShannon}: {@code JSD = ½ KL(p ‖ m) + ½ KL(q ‖ m)} with {@code m = (p + q)/2},
 *       in bits, so in [0, 1]: a symmetric, always finite form of KL (KL itself is infinite as soon as
 *       one set has a bin the other lacks, which small sample sets often do).</li>
 * </ul>
 * An empty histogram (no counts: say, no intervals in a set of one-note melodies) has no
 * distribution; against a non-empty one it has overlap 0 and JSD 1, against another empty one
 * overlap 1 and JSD 0.
 */
public final class Histogram {

    private final long[] counts;
    private final long total;

    public Histogram(long[] counts) {
        if (counts.length == 0) {
            throw new IllegalArgumentException("a histogram needs at least one bin");
        }
        long sum = 0;
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] < 0) {
                throw new IllegalArgumentException("bin " + k + " has a negative count " + counts[k]);
            }
            sum += counts[k];
        }
        this.counts = counts.clone();
        this.total = sum;
    }

    public int bins() {
        return counts.length;
    }

    public long count(int bin) {
        return counts[bin];
    }

    public long total() {
        return total;
    }

    public boolean isEmpty() {
        return total == 0;
    }

    /** {@code count / total} per bin (all zeros when empty). */
    public double[] probabilities() {
        double[] p = new double[counts.length];
        for (int k = 0; k < p.length; k++) {
            p[k] = total == 0 ? 0 : counts[k] / (double) total;
        }
        return p;
    }

    /** {@link #probabilities()} as a list, for reports. */
    public List<Double> probabilityList() {
        List<Double> out = new ArrayList<>(counts.length);
        for (double p : probabilities()) {
            out.add(p);
        }
        return List.copyOf(out);
    }

    /** Histogram intersection of the normalised histograms (see the class comment). */
    public double overlap(Histogram other) {
        requireSameBins(other);
        if (isEmpty() || other.isEmpty()) {
            return isEmpty() && other.isEmpty() ? 1 : 0;
        }
        double[] p = probabilities();
        double[] q = other.probabilities();
        double sum = 0;
        for (int k = 0; k < p.length; k++) {
            sum += Math.min(p[k], q[k]);
        }
        return sum;
    }

    /** Jensen–Shannon divergence in bits of the normalised histograms (see the class comment). */
    public double jensenShannon(Histogram other) {
        requireSameBins(other);
        if (isEmpty() || other.isEmpty()) {
            return isEmpty() && other.isEmpty() ? 0 : 1;
        }
        double[] p = probabilities();
        double[] q = other.probabilities();
        double sum = 0;
        for (int k = 0; k < p.length; k++) {
            double m = (p[k] + q[k]) / 2;
            sum += halfKlTerm(p[k], m) + halfKlTerm(q[k], m);
        }
        // rounding can leave -1e-17 for identical distributions
        return Math.max(0, sum);
    }

    /** {@code ½ · x · log2(x / m)}, with {@code 0 · log 0 = 0}. */
    private static double halfKlTerm(double x, double m) {
        return x == 0 ? 0 : 0.5 * x * Math.log(x / m) / Math.log(2);
    }

    private void requireSameBins(Histogram other) {
        if (other.counts.length != counts.length) {
            throw new IllegalArgumentException("cannot compare histograms of " + counts.length + " and "
                    + other.counts.length + " bins");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Histogram other && Arrays.equals(other.counts, counts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "Histogram" + Arrays.toString(counts);
    }
}
