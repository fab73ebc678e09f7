package org.melodypalette.music;

/**
 * One note on a step grid: MIDI pitch, velocity, and the half-open step span
 * {@code [startStep, endStep)}.
 *
 * <p>Steps are grid units of a {@link TimeGrid} (16th notes by default), not ticks or seconds.
 */
public record Note(int pitch, int velocity, int startStep, int endStep) {

    /** Velocity used when a source (a model, a tokenizer) carries none. */
    public static final int DEFAULT_VELOCITY = 100;

    public Note {
        if (pitch < 0 || pitch > 127) {
            throw new IllegalArgumentException("pitch " + pitch + " is outside MIDI range 0..127");
        }
        if (velocity < 1 || velocity > 127) {
            throw new IllegalArgumentException("velocity " + velocity + " is outside 1..127");
        }
        if (startStep < 0) {
            throw new IllegalArgumentException("startStep " + startStep + " is negative");
        }
        if (endStep <= startStep) {
            throw new IllegalArgumentException(
                    "endStep " + endStep + " must be after startStep " + startStep);
        }
    }

    /** A note with {@link #DEFAULT_VELOCITY}. */
    public static Note of(int pitch, int startStep, int endStep) {
        return new Note(pitch, DEFAULT_VELOCITY, startStep, endStep);
    }

    public int lengthSteps() {
        return endStep - startStep;
    }

    public Note withPitch(int newPitch) {
        return new Note(newPitch, velocity, startStep, endStep);
    }

    public Note withSpan(int newStart, int newEnd) {
        return new Note(pitch, velocity, newStart, newEnd);
    }

    public Note shifted(int steps) {
        return new Note(pitch, velocity, startStep + steps, endStep + steps);
    }
}
