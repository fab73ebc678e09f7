package org.melodypalette.model.eval;

import java.util.List;
import org.melodypalette.music.Melody;
import org.melodypalette.music.Note;
import org.melodypalette.music.TimeGrid;
import org.melodypalette.tokenizer.MelodyTokenizer;
import org.melodypalette.tokenizer.MelodyVocabulary;
import org.melodypalette.tokenizer.OutOfRangePolicy;

/**
 * The one label form every metric sees: Magenta's 90-class labels of a melody (see the package
 * comment). Going through the melody makes labels canonical: a NOTE_OFF while nothing sounds
 * changes nothing audible, so it becomes NO_EVENT and never counts as a difference.
 */
public final class EvalLabels {

    private static final MelodyTokenizer TOKENIZER =
            MelodyTokenizer.magenta().withOutOfRangePolicy(OutOfRangePolicy.OCTAVE_FOLD);

    private EvalLabels() {
    }

    /** The labels of a melody, cut or padded to {@code numSteps}; pitches outside 21..108 octave-folded. */
    public static int[] of(Melody melody, int numSteps) {
        return TOKENIZER.encode(melody, numSteps);
    }

    /** The melody the labels describe, on {@code grid}. */
    public static Melody melody(int[] labels, TimeGrid grid) {
        return TOKENIZER.decode(labels, grid);
    }

    /** The labels of the melody the labels describe. */
    public static int[] canonical(int[] labels) {
        return of(melody(labels, TimeGrid.SIXTEENTHS_4_4), labels.length);
    }

    /** The MIDI pitches of the note-ons, in time order. */
    public static int[] onsetPitches(int[] labels) {
        List<Note> notes = melody(labels, TimeGrid.SIXTEENTHS_4_4).notes();
        int[] pitches = new int[notes.size()];
        for (int i = 0; i < pitches.length; i++) {
            pitches[i] = notes.get(i).pitch();
        }
        return pitches;
    }

    /** Whether the window has no note-on. */
    public static boolean isSilent(int[] labels) {
        for (int label : labels) {
            if (label >= MelodyVocabulary.FIRST_PITCH) {
                return false;
            }
        }
        return true;
    }
}
