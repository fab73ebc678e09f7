package org.melodypalette.tokenizer;

import org.melodypalette.music.Pitches;

/**
 * The class ids of MusicVAE's one-token-per-step melody encoding for the pitch range
 * {@code minPitch..maxPitch} (both inclusive), and their readable names.
 *
 * <pre>
 * id                      name        meaning at its step
 * 0                       NO_EVENT    keep going: hold the sounding note, or stay silent
 * 1                       NOTE_OFF    end the sounding note
 * 2 .. size()-1           ON_&lt;pitch&gt;  end the sounding note (if any) and start this pitch
 *                                     (id = pitch - minPitch + 2; ON_C4 is MIDI 60)
 * </pre>
 *
 * <p>{@link #MAGENTA} is Magenta's range 21..108 (the 88 piano keys): 90 ids, pitch p has id
 * {@code p - 19}, so {@code ON_A0} = 2, {@code ON_C4} = 41, {@code ON_C8} = 89.
 */
public record MelodyVocabulary(int minPitch, int maxPitch) {

    /** Nothing new happens at this step. */
    public static final int NO_EVENT = 0;
    /** The sounding note ends at this step. */
    public static final int NOTE_OFF = 1;
    /** Id of {@code minPitch}; pitch ids follow in pitch order. */
    public static final int FIRST_PITCH = 2;

    /** Magenta's MusicVAE melody range: MIDI 21..108, 90 ids. */
    public static final MelodyVocabulary MAGENTA = new MelodyVocabulary(Pitches.PIANO_LOW, Pitches.PIANO_HIGH);

    private static final String NOTE_ON_PREFIX = "ON_";

    public MelodyVocabulary {
        if (minPitch < 0 || maxPitch > 127 || minPitch > maxPitch) {
            throw new IllegalArgumentException("pitch range " + minPitch + ".." + maxPitch
                    + " is not a non-empty range inside MIDI 0..127");
        }
    }

    /** Number of ids: {@code maxPitch - minPitch + 3}. */
    public int size() {
        return maxPitch - minPitch + 1 + FIRST_PITCH;
    }

    public boolean contains(int pitch) {
        return pitch >= minPitch && pitch <= maxPitch;
    }

    /** The NOTE-ON id of a pitch inside the range. */
    public int noteOn(int pitch) {
        if (!contains(pitch)) {
            throw new PitchOutOfRangeException(pitch, minPitch, maxPitch, "a note-on");
        }
        return pitch - minPitch + FIRST_PITCH;
    }

    /** Whether the id starts a note (rather than being NO_EVENT or NOTE_OFF). */
    public boolean isNoteOn(int id) {
        checkId(id);
        return id >= FIRST_PITCH;
    }

    /** The pitch a NOTE-ON id starts. */
    public int pitchOf(int id) {
        if (!isNoteOn(id)) {
            throw new IllegalArgumentException("token " + id + " (" + name(id) + ") is not a note-on");
        }
        return id - FIRST_PITCH + minPitch;
    }

    /**
     * The pitch moved by whole octaves into the range (the nearest octave inside it); a pitch
     * already inside is returned unchanged. Needs a range of at least 12 pitches.
     */
    public int octaveFold(int pitch) {
        if (!spansAnOctave()) {
            throw new IllegalStateException("cannot fold pitch " + pitch + " into the range "
                    + minPitch + ".." + maxPitch + ": it is narrower than an octave");
        }
        int folded = pitch;
        while (folded < minPitch) {
            folded += 12;
        }
        while (folded > maxPitch) {
            folded -= 12;
        }
        return folded;
    }

    /** Whether every pitch class occurs in the range, so that {@link #octaveFold} always works. */
    public boolean spansAnOctave() {
        return maxPitch - minPitch >= 11;
    }

    /** The readable name of an id: {@code NO_EVENT}, {@code NOTE_OFF} or e.g. {@code ON_C#4}. */
    public String name(int id) {
        checkId(id);
        if (id == NO_EVENT) {
            return "NO_EVENT";
        }
        if (id == NOTE_OFF) {
            return "NOTE_OFF";
        }
        return NOTE_ON_PREFIX + PitchNames.name(id - FIRST_PITCH + minPitch);
    }

    /** The id of a name written by {@link #name(int)}. */
    public int id(String name) {
        if (name.equals("NO_EVENT")) {
            return NO_EVENT;
        }
        if (name.equals("NOTE_OFF")) {
            return NOTE_OFF;
        }
        if (!name.startsWith(NOTE_ON_PREFIX)) {
            throw new IllegalArgumentException("unknown token '" + name
                    + "': expected NO_EVENT, NOTE_OFF or ON_<pitch> such as ON_C4 or ON_F#3");
        }
        int pitch = PitchNames.parse(name.substring(NOTE_ON_PREFIX.length()));
        if (!contains(pitch)) {
            throw new PitchOutOfRangeException(pitch, minPitch, maxPitch, "token " + name);
        }
        return noteOn(pitch);
    }

    /** Fails unless {@code 0 <= id < size()}. */
    public void checkId(int id) {
        if (id < 0 || id >= size()) {
            throw new IllegalArgumentException(
                    "token " + id + " is outside this vocabulary's ids 0.." + (size() - 1));
        }
    }
}
