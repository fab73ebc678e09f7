package org.melodypalette.app.workbench.editor;

/** Scale types for the key chooser, as semitone offsets from the root. */
public enum Scale {
    MAJOR("Major", 0, 2, 4, 5, 7, 9, 11),
    NATURAL_MINOR("Minor", 0, 2, 3, 5, 7, 8, 10),
    HARMONIC_MINOR("Harmonic minor", 0, 2, 3, 5, 7, 8, 11),
    DORIAN("Dorian", 0, 2, 3, 5, 7, 9, 10),
    MIXOLYDIAN("Mixolydian", 0, 2, 4, 5, 7, 9, 10),
    MAJOR_PENTATONIC("Major pentatonic", 0, 2, 4, 7, 9),
    MINOR_PENTATONIC("Minor pentatonic", 0, 3, 5, 7, 10),
    BLUES("Blues", 0, 3, 5, 6, 7, 10),
    CHROMATIC("Chromatic", 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);

    private final String label;
    private final boolean[] member = new boolean[12];

    Scale(String label, int... offsets) {
        this.label = label;
        for (int offset : offsets) {
            member[offset] = true;
        }
    }

    /** Whether {@code offset} semitones above the root (any octave) is in the scale. */
    public boolean containsOffset(int offset) {
        return member[Math.floorMod(offset, 12)];
    }

    @Override
    public String toString() {
        return label;
    }
}
