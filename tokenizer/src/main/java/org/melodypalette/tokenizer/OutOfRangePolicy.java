package org.melodypalette.tokenizer;

/** What a tokenizer does with a note whose pitch its vocabulary cannot represent. */
public enum OutOfRangePolicy {

    /** Fail with a {@link PitchOutOfRangeException}, as magenta.js does. */
    STRICT,

    /**
     * Move the note by whole octaves to the nearest octave inside the range (a pitch above the
     * range goes down, one below goes up). Needs a range of at least 12 pitches.
     */
    OCTAVE_FOLD
}
