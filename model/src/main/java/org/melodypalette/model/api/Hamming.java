package org.melodypalette.model.api;

/** Label-level distance between two windows of the same length. */
public final class Hamming {

    private Hamming() {
    }

    /** The fraction of steps whose labels differ: 0 for equal windows, 1 when every step differs. */
    public static double normalized(int[] a, int[] b) {
        if (a.length != b.length || a.length == 0) {
            throw new IllegalArgumentException("cannot compare windows of " + a.length + " and " + b.length + " steps");
        }
        int differing = 0;
        for (int t = 0; t < a.length; t++) {
            if (a[t] != b[t]) {
                differing++;
            }
        }
        return differing / (double) a.length;
    }
}
