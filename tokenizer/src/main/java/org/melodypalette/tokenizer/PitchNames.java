package org.melodypalette.tokenizer;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scientific pitch names with sharps, as used in readable token names: MIDI 60 = {@code C4},
 * 61 = {@code C#4}, 21 = {@code A0}, 0 = {@code C-1}, 127 = {@code G9}.
 */
final class PitchNames {

    private static final List<String> PITCH_CLASSES =
            List.of("C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B");
    private static final Pattern NAME = Pattern.compile("([A-G]#?)(-1|[0-9])");

    private PitchNames() {
    }

    /** The name of a MIDI pitch 0..127, e.g. {@code C#4}. */
    static String name(int pitch) {
        if (pitch < 0 || pitch > 127) {
            throw new IllegalArgumentException("pitch " + pitch + " is outside MIDI range 0..127");
        }
        // MIDI octaves start at C; octave -1 holds pitches 0..11, so C4 = 60.
        return PITCH_CLASSES.get(pitch % 12) + (pitch / 12 - 1);
    }

    /** The MIDI pitch of a name written by {@link #name(int)}; fails on any other text. */
    static int parse(String name) {
        Matcher matcher = NAME.matcher(name);
        int pitchClass = matcher.matches() ? PITCH_CLASSES.indexOf(matcher.group(1)) : -1;
        int pitch = pitchClass < 0 ? -1 : (Integer.parseInt(matcher.group(2)) + 1) * 12 + pitchClass;
        if (pitch < 0 || pitch > 127) {
            throw new IllegalArgumentException("'" + name
                    + "' is not a pitch name from C-1 to G9 (letter, optional #, octave; C4 = 60)");
        }
        return pitch;
    }
}
