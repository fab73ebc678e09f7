package org.melodypalette.app.workbench.continuation;

import java.util.ArrayList;
import java.util.List;
import org.melodypalette.music.Melody;
import org.melodypalette.music.Note;

/**
 * One candidate of the Continue tool: the clip it continues (the primer) and the clip with the new
 * bars appended.
 *
 * @param primer   the editor's clip when Continue was pressed
 * @param whole    the primer's notes unchanged, then the model's notes from {@code boundary} on
 * @param boundary the step the new bars start at: the primer's length rounded up to the model's whole
 *                 bars ({@code primer.lengthSteps() <= boundary < whole.lengthSteps()})
 */
public record Continuation(Melody primer, Melody whole, int boundary) {

    public Continuation {
        if (primer == null || whole == null) {
            throw new IllegalArgumentException("a continuation needs its primer and the continued clip");
        }
        if (boundary < primer.lengthSteps() || boundary >= whole.lengthSteps()) {
            throw new IllegalArgumentException("the new bars must start at or after the primer's "
                    + primer.lengthSteps() + " steps and before the continued clip's " + whole.lengthSteps()
                    + ", got " + boundary);
        }
    }

    /**
     * The primer followed by the notes {@code continued} has from {@code boundary} on. {@code continued}
     * is the model's output for the primer: it starts with the primer as the model reads it (pitches
     * folded into its range), so that part is replaced by the primer's own notes and only the new bars
     * are taken from it. A held-over new note that would lengthen the primer's last note is left out;
     * the primer's notes are never changed.
     */
    public static Continuation of(Melody primer, Melody continued, int boundary) {
        List<Note> notes = new ArrayList<>(primer.notes());
        for (Note note : continued.notes()) {
            if (note.startStep() >= boundary) {
                notes.add(note);
            }
        }
        return new Continuation(primer, Melody.of(primer.grid(), continued.lengthSteps(), notes), boundary);
    }

    /** The new bars alone, from the boundary on. */
    public Melody added() {
        return whole.slice(boundary, whole.lengthSteps());
    }
}
