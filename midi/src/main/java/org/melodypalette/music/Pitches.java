package org.melodypalette.music;

/** Named MIDI pitch constants and note names (middle C = 60 = "C4"). */
public final class Pitches {

    /** Lowest piano key, A0. */
    public static final int PIANO_LOW = 21;
    /** Highest piano key, C8. */
    public static final int PIANO_HIGH = 108;
    /** Middle C, C4. */
    public static final int MIDDLE_C = 60;

    private static final String[] NAMES = {"C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"};

    private Pitches() {
    }

    /** The scientific name of a MIDI pitch with sharps: {@code name(60) == "C4"}, {@code name(61) == "C#4"}. */
    public static String name(int pitch) {
        if (pitch < 0 || pitch > 127) {
            throw new IllegalArgumentException("pitch " + pitch + " is outside MIDI range 0..127");
        }
        return NAMES[pitch % 12] + (pitch / 12 - 1);
    }
}
