package org.melodypalette.app.workbench.live;

import java.util.ArrayList;
import java.util.List;
import org.melodypalette.app.workbench.editor.MelodyEdits;
import org.melodypalette.music.Melody;
import org.melodypalette.music.Note;

/**
 * Puts a recorded take onto a clip's grid. Time zero of the clip is the take's start plus the
 * count-in; every start and end is rounded to the nearest step (a note is at least one step long).
 * Notes that start in the count-in are dropped, except those less than half a step early, which
 * land on step 0. With {@code loop}, playing past the clip's end wraps round to its start (the later
 * take wins where notes overlap, as in the editor); without it, notes past the end are dropped.
 *
 * @param clip        the clip recorded into: its grid (tempo included) and length are kept
 * @param countInBars bars between arming and the clip's first step
 */
public record TakeQuantizer(Melody clip, int countInBars, boolean loop) {

    public TakeQuantizer {
        if (countInBars < 0 || countInBars > 4) {
            throw new IllegalArgumentException("count-in " + countInBars + " bars is outside 0..4");
        }
    }

    /** The clip holding the take's notes (the clip's own notes are replaced). */
    public Melody quantise(List<PlayedNote> take, long armedAtMicros) {
        double microsPerStep = clip.grid().secondsPerStep() * 1e6;
        int length = clip.lengthSteps();
        double origin = armedAtMicros + (double) countInBars * clip.grid().stepsPerBar() * microsPerStep;
        List<Note> notes = new ArrayList<>();
        for (PlayedNote played : take) {
            long start = Math.round((played.startMicros() - origin) / microsPerStep);
            long end = Math.max(start + 1, Math.round((played.endMicros() - origin) / microsPerStep));
            if (start < 0 || (!loop && start >= length)) {
                continue;
            }
            int at = (int) (start % length);
            int duration = (int) Math.min(end - start, length - at);
            notes.add(new Note(played.pitch(), played.velocity(), at, at + duration));
        }
        Melody empty = Melody.silent(clip.grid(), length);
        Melody result = empty;
        for (Note note : notes) {
            result = MelodyEdits.place(result, List.of(note)).melody();
        }
        return result;
    }
}
