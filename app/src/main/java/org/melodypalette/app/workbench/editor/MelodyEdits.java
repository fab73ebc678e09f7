package org.melodypalette.app.workbench.editor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.melodypalette.music.Melody;
import org.melodypalette.music.Note;
import org.melodypalette.music.Pitches;

/**
 * Pure piano-roll edits on a monophonic {@link Melody}. The editor is monophonic because the model
 * is: every edit returns a valid melody, with the rule "the note just placed wins": an existing
 * note that starts earlier is cut where the new one starts, one that starts inside it is removed.
 */
public final class MelodyEdits {

    /** Lowest and highest pitch the editor shows and edits (the piano range the model knows). */
    public static final int LOWEST_PITCH = Pitches.PIANO_LOW;
    public static final int HIGHEST_PITCH = Pitches.PIANO_HIGH;

    private MelodyEdits() {
    }

    /** Places {@code added} (clipped to the melody's length), cutting what they overlap. */
    public static EditResult place(Melody melody, Collection<Note> added) {
        List<Note> fresh = new ArrayList<>();
        for (Note note : added) {
            int start = Math.max(0, note.startStep());
            int end = Math.min(melody.lengthSteps(), note.endStep());
            if (end > start) {
                fresh.add(note.withSpan(start, end));
            }
        }
        fresh.sort(Comparator.comparingInt(Note::startStep));
        List<Note> placed = new ArrayList<>();
        for (Note note : fresh) {
            cutOrDrop(placed, note);
            placed.add(note);
        }
        List<Note> kept = new ArrayList<>(melody.notes());
        for (Note note : placed) {
            cutOrDrop(kept, note);
        }
        kept.addAll(placed);
        return new EditResult(Melody.of(melody.grid(), melody.lengthSteps(), kept), new HashSet<>(placed));
    }

    /** Applies the "new note wins" rule of {@code winner} to {@code notes}, in place. */
    private static void cutOrDrop(List<Note> notes, Note winner) {
        for (int i = notes.size() - 1; i >= 0; i--) {
            Note other = notes.get(i);
            boolean overlaps = other.startStep() < winner.endStep() && winner.startStep() < other.endStep();
            if (!overlaps) {
                continue;
            }
            if (other.startStep() < winner.startStep()) {
                notes.set(i, other.withSpan(other.startStep(), winner.startStep()));
            } else {
                notes.remove(i);
            }
        }
    }

    public static Melody remove(Melody melody, Collection<Note> removed) {
        Set<Note> gone = new HashSet<>(removed);
        return new Melody(melody.grid(), melody.lengthSteps(),
                melody.notes().stream().filter(n -> !gone.contains(n)).toList());
    }

    /** The note sounding at {@code step} with {@code pitch}, or null. */
    public static Note noteAt(Melody melody, int step, int pitch) {
        for (Note note : melody.notes()) {
            if (note.pitch() == pitch && note.startStep() <= step && step < note.endStep()) {
                return note;
            }
        }
        return null;
    }

    /**
     * Moves the selected notes by whole steps and semitones, limited so that none leaves the melody
     * or the editable pitch range.
     */
    public static EditResult move(Melody melody, Collection<Note> selection, int steps, int semitones) {
        if (selection.isEmpty()) {
            return new EditResult(melody, Set.of());
        }
        int minStart = selection.stream().mapToInt(Note::startStep).min().orElseThrow();
        int maxEnd = selection.stream().mapToInt(Note::endStep).max().orElseThrow();
        int lowPitch = selection.stream().mapToInt(Note::pitch).min().orElseThrow();
        int highPitch = selection.stream().mapToInt(Note::pitch).max().orElseThrow();
        int ds = clamp(steps, -minStart, melody.lengthSteps() - maxEnd);
        int dp = clamp(semitones, LOWEST_PITCH - lowPitch, HIGHEST_PITCH - highPitch);
        List<Note> moved = selection.stream().map(n -> n.shifted(ds).withPitch(n.pitch() + dp)).toList();
        return place(remove(melody, selection), moved);
    }

    /** Sets the end of {@code note} (at least one step long, at most the melody's end). */
    public static EditResult resize(Melody melody, Note note, int newEndStep) {
        int end = clamp(newEndStep, note.startStep() + 1, melody.lengthSteps());
        return place(remove(melody, List.of(note)), List.of(note.withSpan(note.startStep(), end)));
    }

    /** Copies the selection right after itself (shifted by the selection's span) and selects the copy. */
    public static EditResult duplicate(Melody melody, Collection<Note> selection) {
        if (selection.isEmpty()) {
            return new EditResult(melody, Set.of());
        }
        int minStart = selection.stream().mapToInt(Note::startStep).min().orElseThrow();
        int maxEnd = selection.stream().mapToInt(Note::endStep).max().orElseThrow();
        int span = maxEnd - minStart;
        List<Note> copies = selection.stream()
                .filter(n -> n.startStep() + span < melody.lengthSteps())
                .map(n -> n.shifted(span)).toList();
        return place(melody, copies);
    }

    public static EditResult setVelocity(Melody melody, Collection<Note> notes, int velocity) {
        int v = clamp(velocity, 1, 127);
        List<Note> changed = notes.stream()
                .map(n -> new Note(n.pitch(), v, n.startStep(), n.endStep())).toList();
        return place(remove(melody, notes), changed);
    }

    /** Moves each given note to the nearest pitch of {@code key}. */
    public static EditResult snapToKey(Melody melody, Collection<Note> notes, MusicalKey key) {
        List<Note> snapped = notes.stream().map(n -> n.withPitch(key.nearest(n.pitch()))).toList();
        return place(remove(melody, notes), snapped);
    }

    /** The same notes on a melody of {@code lengthSteps}: longer pads with silence, shorter cuts. */
    public static Melody withLength(Melody melody, int lengthSteps) {
        if (lengthSteps >= melody.lengthSteps()) {
            return new Melody(melody.grid(), lengthSteps, melody.notes());
        }
        return melody.slice(0, lengthSteps);
    }

    /** Notes that start inside {@code [fromStep, toStep)} with a pitch in {@code [lowPitch, highPitch]}. */
    public static Set<Note> notesIn(Melody melody, int fromStep, int toStep, int lowPitch, int highPitch) {
        Set<Note> found = new HashSet<>();
        for (Note note : melody.notes()) {
            boolean inTime = note.startStep() < toStep && note.endStep() > fromStep;
            boolean inPitch = note.pitch() >= lowPitch && note.pitch() <= highPitch;
            if (inTime && inPitch) {
                found.add(note);
            }
        }
        return found;
    }

    static int clamp(int value, int low, int high) {
        return Math.max(low, Math.min(high, value));
    }
}
