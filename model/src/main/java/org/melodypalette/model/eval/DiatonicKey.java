package org.melodypalette.model.eval;

/**
 * A diatonic pitch-class set: the major scale on {@code tonic}, which is also the natural minor
 * scale on {@code tonic + 9} (C major and A minor share one set). So the 24 major and natural-minor
 * keys are 12 distinct sets, and counting notes in scale cannot tell relative keys apart: this
 * type names the set by its major tonic.
 *
 * @param tonic pitch class of the major scale's tonic, 0 (C) to 11 (B)
 */
public record DiatonicKey(int tonic) {

    /** Semitones above the major tonic that are in the scale. */
    private static final int[] MAJOR_STEPS = {0, 2, 4, 5, 7, 9, 11};

    public DiatonicKey {
        if (tonic < 0 || tonic > 11) {
            throw new IllegalArgumentException("tonic pitch class " + tonic + " is outside 0..11");
        }
    }

    /** Whether the pitch (any MIDI pitch or pitch class) is in the scale. */
    public boolean contains(int pitch) {
        int degree = Math.floorMod(pitch - tonic, 12);
        for (int step : MAJOR_STEPS) {
            if (step == degree) {
                return true;
            }
        }
        return false;
    }

    /** Pitch class of the pitch counted from the major tonic: 0 = tonic, 9 = the relative minor's tonic. */
    public int degreeOf(int pitch) {
        return Math.floorMod(pitch - tonic, 12);
    }

    /**
     * The set holding the most of the given notes (each note-on counts once, whatever its length);
     * among sets holding equally many, the one with the lowest tonic pitch class (C first). Without
     * notes, C major.
     */
    public static DiatonicKey bestFit(int[] pitches) {
        DiatonicKey best = new DiatonicKey(0);
        int bestCount = -1;
        for (int tonic = 0; tonic < 12; tonic++) {
            DiatonicKey key = new DiatonicKey(tonic);
            int count = key.countIn(pitches);
            if (count > bestCount) {
                best = key;
                bestCount = count;
            }
        }
        return best;
    }

    /** How many of the pitches are in the scale. */
    public int countIn(int[] pitches) {
        int count = 0;
        for (int pitch : pitches) {
            if (contains(pitch)) {
                count++;
            }
        }
        return count;
    }
}
