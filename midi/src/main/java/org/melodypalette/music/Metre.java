package org.melodypalette.music;

/**
 * A time signature without a position: {@code beatsPerBar / beatUnit}, e.g. 4/4 or 6/8.
 *
 * @param beatsPerBar numerator, 1..64
 * @param beatUnit    denominator, a power of two in 1..64
 */
public record Metre(int beatsPerBar, int beatUnit) {

    /** Common time. */
    public static final Metre FOUR_FOUR = new Metre(4, 4);

    public Metre {
        if (beatsPerBar < 1 || beatsPerBar > 64) {
            throw new IllegalArgumentException("beatsPerBar " + beatsPerBar + " is outside 1..64");
        }
        if (beatUnit < 1 || beatUnit > 64 || Integer.bitCount(beatUnit) != 1) {
            throw new IllegalArgumentException("beatUnit " + beatUnit + " is not a power of two in 1..64");
        }
    }

    /** Length of one bar in quarter notes, e.g. 4.0 for 4/4 and 3.0 for 6/8. */
    public double quartersPerBar() {
        return beatsPerBar * 4.0 / beatUnit;
    }

    @Override
    public String toString() {
        return beatsPerBar + "/" + beatUnit;
    }
}
