package org.melodypalette.model.train;

/** Checks arrays of parameters or optimizer moments for values training must never keep. */
final class FiniteValues {

    private FiniteValues() {
    }

    /**
     * Null when every value is finite (and, for {@code nonNegative}, at least 0, as Adam's second
     * moments are); otherwise "holds a non-finite value (NaN) at index i" or "holds a negative
     * value (-1.0) at index i" for the first bad one.
     */
    static String problem(float[] values, boolean nonNegative) {
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                return "holds a non-finite value (" + values[i] + ") at index " + i;
            }
            if (nonNegative && values[i] < 0) {
                return "holds a negative value (" + values[i] + ") at index " + i;
            }
        }
        return null;
    }
}
