package org.melodypalette.tokenizer;

/**
 * A note's pitch lies outside the pitch range of a tokenizer's vocabulary. The message names the
 * pitch, where it was found and the allowed range.
 */
public final class PitchOutOfRangeException extends IllegalArgumentException {

    private final int pitch;
    private final int minPitch;
    private final int maxPitch;

    /**
     * @param where what holds the pitch, for the message (e.g. {@code "the note at steps [4, 8)"})
     */
    public PitchOutOfRangeException(int pitch, int minPitch, int maxPitch, String where) {
        super("pitch " + pitch + describe(pitch) + " of " + where + " is outside the range "
                + minPitch + ".." + maxPitch + describe(minPitch, maxPitch)
                + "; transpose the melody, or tokenize with OutOfRangePolicy.OCTAVE_FOLD");
        this.pitch = pitch;
        this.minPitch = minPitch;
        this.maxPitch = maxPitch;
    }

    public int pitch() {
        return pitch;
    }

    public int minPitch() {
        return minPitch;
    }

    public int maxPitch() {
        return maxPitch;
    }

    private static String describe(int pitch) {
        return pitch >= 0 && pitch <= 127 ? " (" + PitchNames.name(pitch) + ")" : "";
    }

    private static String describe(int low, int high) {
        return " (" + PitchNames.name(low) + ".." + PitchNames.name(high) + ")";
    }
}
