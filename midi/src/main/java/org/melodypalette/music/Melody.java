package org.melodypalette.music;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A monophonic melody of a fixed length on a {@link TimeGrid}: notes sorted by start, never
 * overlapping, all inside {@code [0, lengthSteps)}. This is the unit the tokenizer encodes and the
 * model generates.
 */
public record Melody(TimeGrid grid, int lengthSteps, List<Note> notes) {

    public Melody {
        if (grid == null) {
            throw new IllegalArgumentException("grid is required");
        }
        if (lengthSteps < 1) {
            throw new IllegalArgumentException("lengthSteps " + lengthSteps + " must be positive");
        }
        notes = List.copyOf(notes);
        Note previous = null;
        for (Note note : notes) {
            if (note.endStep() > lengthSteps) {
                throw new IllegalArgumentException(
                        "note " + note + " ends after the melody's " + lengthSteps + " steps");
            }
            if (previous != null && note.startStep() < previous.endStep()) {
                throw new IllegalArgumentException(
                        "notes overlap or are unsorted: " + previous + " then " + note);
            }
            previous = note;
        }
    }

    /** An empty (silent) melody. */
    public static Melody silent(TimeGrid grid, int lengthSteps) {
        return new Melody(grid, lengthSteps, List.of());
    }

    /** Sorts the given non-overlapping notes by start and builds the melody. */
    public static Melody of(TimeGrid grid, int lengthSteps, List<Note> notes) {
        List<Note> sorted = new ArrayList<>(notes);
        sorted.sort(Comparator.comparingInt(Note::startStep));
        return new Melody(grid, lengthSteps, sorted);
    }

    public int bars() {
        return lengthSteps / grid.stepsPerBar();
    }

    public boolean isSilent() {
        return notes.isEmpty();
    }

    /** Every note moved by {@code semitones}; fails if a pitch leaves 0..127. */
    public Melody transpose(int semitones) {
        return new Melody(grid, lengthSteps,
                notes.stream().map(n -> n.withPitch(n.pitch() + semitones)).toList());
    }

    /**
     * The steps {@code [fromStep, toStep)} as a new melody starting at step 0. Notes that cross
     * either edge are cut at it.
     */
    public Melody slice(int fromStep, int toStep) {
        if (fromStep < 0 || toStep > lengthSteps || toStep <= fromStep) {
            throw new IllegalArgumentException("slice [" + fromStep + ", " + toStep
                    + ") is not inside [0, " + lengthSteps + ")");
        }
        List<Note> kept = new ArrayList<>();
        for (Note n : notes) {
            int start = Math.max(n.startStep(), fromStep);
            int end = Math.min(n.endStep(), toStep);
            if (end > start) {
                kept.add(n.withSpan(start - fromStep, end - fromStep));
            }
        }
        return new Melody(grid, toStep - fromStep, kept);
    }

    public Melody withGrid(TimeGrid newGrid) {
        return new Melody(newGrid, lengthSteps, notes);
    }

    /** Lowest and highest pitch, or {@code null} for a silent melody. */
    public int[] pitchRange() {
        if (notes.isEmpty()) {
            return null;
        }
        int lo = 127;
        int hi = 0;
        for (Note n : notes) {
            lo = Math.min(lo, n.pitch());
            hi = Math.max(hi, n.pitch());
        }
        return new int[] {lo, hi};
    }
}
