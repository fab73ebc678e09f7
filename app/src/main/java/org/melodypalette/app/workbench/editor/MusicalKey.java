package org.melodypalette.app.workbench.editor;

/**
 * A key: root pitch class (0 = C … 11 = B) and a {@link Scale}. Drives the highlighted rows of the
 * piano roll and snap-to-scale.
 */
public record MusicalKey(int root, Scale scale) {

    public static final MusicalKey C_MAJOR = new MusicalKey(0, Scale.MAJOR);

    private static final String[] NAMES = {"C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"};

    public MusicalKey {
        if (root < 0 || root > 11) {
            throw new IllegalArgumentException("key root " + root + " is outside 0..11");
        }
        if (scale == null) {
            throw new IllegalArgumentException("scale is required");
        }
    }

    public boolean contains(int pitch) {
        return scale.containsOffset(pitch - root);
    }

    /** The closest pitch in the key; ties go down (a sharpened passing note falls back). */
    public int nearest(int pitch) {
        for (int distance = 0; distance < 12; distance++) {
            if (pitch - distance >= 0 && contains(pitch - distance)) {
                return pitch - distance;
            }
            if (pitch + distance <= 127 && contains(pitch + distance)) {
                return pitch + distance;
            }
        }
        return pitch;
    }

    /** "C", "F#"… for a pitch class. */
    public static String pitchClassName(int pitchClass) {
        return NAMES[Math.floorMod(pitchClass, 12)];
    }

    /** Scientific pitch name: 60 is "C4". */
    public static String pitchName(int pitch) {
        return pitchClassName(pitch) + (pitch / 12 - 1);
    }

    @Override
    public String toString() {
        return pitchClassName(root) + " " + scale;
    }
}
