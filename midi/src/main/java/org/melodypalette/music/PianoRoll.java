package org.melodypalette.music;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A polyphonic passage of a fixed length on a {@link TimeGrid}: the document the workbench edits
 * and what a quantized MIDI track becomes. Notes are sorted by start step, then pitch; any number
 * may sound together, but two notes of the same pitch never overlap (MIDI could not tell them
 * apart). All notes lie inside {@code [0, lengthSteps)}.
 */
public record PianoRoll(TimeGrid grid, int lengthSteps, List<Note> notes) {

    /** Sort order of {@link #notes()}: start step, then pitch. */
    public static final Comparator<Note> ORDER =
            Comparator.comparingInt(Note::startStep).thenComparingInt(Note::pitch);

    public PianoRoll {
        if (grid == null) {
            throw new IllegalArgumentException("grid is required");
        }
        if (lengthSteps < 1) {
            throw new IllegalArgumentException("lengthSteps " + lengthSteps + " must be positive");
        }
        notes = List.copyOf(notes);
        Note[] lastByPitch = new Note[128];
        Note previous = null;
        for (Note note : notes) {
            if (note.endStep() > lengthSteps) {
                throw new IllegalArgumentException(
                        "note " + note + " ends after the roll's " + lengthSteps + " steps");
            }
            if (previous != null && ORDER.compare(previous, note) > 0) {
                throw new IllegalArgumentException("notes are not sorted by start, then pitch: "
                        + previous + " then " + note);
            }
            Note samePitch = lastByPitch[note.pitch()];
            if (samePitch != null && note.startStep() < samePitch.endStep()) {
                throw new IllegalArgumentException("notes of the same pitch overlap: " + samePitch + " and " + note);
            }
            lastByPitch[note.pitch()] = note;
            previous = note;
        }
    }

    /** Sorts the given notes (same-pitch notes must not overlap) and builds the roll. */
    public static PianoRoll of(TimeGrid grid, int lengthSteps, List<Note> notes) {
        List<Note> sorted = new ArrayList<>(notes);
        sorted.sort(ORDER);
        return new PianoRoll(grid, lengthSteps, sorted);
    }

    /** The melody's notes as a roll of the same grid and length. */
    public static PianoRoll of(Melody melody) {
        return new PianoRoll(melody.grid(), melody.lengthSteps(), melody.notes());
    }

    public boolean isEmpty() {
        return notes.isEmpty();
    }

    public int bars() {
        return lengthSteps / grid.stepsPerBar();
    }

    /** Whether a note of {@code pitch} sounds during {@code step}. */
    public boolean isActive(int step, int pitch) {
        for (Note note : notes) {
            if (note.startStep() > step) {
                return false;
            }
            if (note.pitch() == pitch && step < note.endStep()) {
                return true;
            }
        }
        return false;
    }

    /** A new roll with {@code note} added; fails if it overlaps a note of the same pitch. */
    public PianoRoll with(Note note) {
        List<Note> more = new ArrayList<>(notes);
        more.add(note);
        return of(grid, lengthSteps, more);
    }

    /** A new roll without {@code note} (unchanged if the roll does not contain it). */
    public PianoRoll without(Note note) {
        List<Note> fewer = new ArrayList<>(notes);
        fewer.remove(note);
        return new PianoRoll(grid, lengthSteps, fewer);
    }

    /**
     * Reduces the roll to one note at a time (a "skyline"): of the notes starting on the same
     * step the highest pitch wins, and every onset ends the note sounding before it, even when the
     * new note is lower. Velocities are kept.
     */
    public Melody toMelody() {
        List<Note> highestPerOnset = new ArrayList<>();
        for (Note note : notes) {
            int last = highestPerOnset.size() - 1;
            // notes are sorted by start then pitch, so a later note with the same start is higher
            if (last >= 0 && highestPerOnset.get(last).startStep() == note.startStep()) {
                highestPerOnset.set(last, note);
            } else {
                highestPerOnset.add(note);
            }
        }
        List<Note> monophonic = new ArrayList<>(highestPerOnset.size());
        for (int i = 0; i < highestPerOnset.size(); i++) {
            Note note = highestPerOnset.get(i);
            if (i + 1 < highestPerOnset.size()) {
                int nextStart = highestPerOnset.get(i + 1).startStep();
                note = note.withSpan(note.startStep(), Math.min(note.endStep(), nextStart));
            }
            monophonic.add(note);
        }
        return new Melody(grid, lengthSteps, monophonic);
    }
}
