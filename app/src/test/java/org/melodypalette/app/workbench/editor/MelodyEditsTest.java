package org.melodypalette.app.workbench.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.melodypalette.music.Melody;
import org.melodypalette.music.Note;
import org.melodypalette.music.TimeGrid;

class MelodyEditsTest {

    private static Melody melody(Note... notes) {
        return Melody.of(TimeGrid.SIXTEENTHS_4_4, 32, List.of(notes));
    }

    @Test
    void placingCutsEarlierNotesAndRemovesNotesStartingInside() {
        Melody m = melody(Note.of(60, 0, 8), Note.of(62, 9, 12), Note.of(64, 12, 16));

        EditResult result = MelodyEdits.place(m, List.of(Note.of(70, 4, 12)));

        assertThat(result.melody().notes())
                .containsExactly(Note.of(60, 0, 4), Note.of(70, 4, 12), Note.of(64, 12, 16));
        assertThat(result.selection()).containsExactly(Note.of(70, 4, 12));
    }

    @Test
    void placingClipsToTheMelody() {
        EditResult result = MelodyEdits.place(melody(), List.of(Note.of(60, 30, 40), Note.of(61, 40, 41)));

        assertThat(result.melody().notes()).containsExactly(Note.of(60, 30, 32));
    }

    @Test
    void snapToKeyMovesOutOfKeyNotesToTheNearestInKeyPitch() {
        MusicalKey aMinor = new MusicalKey(9, Scale.NATURAL_MINOR);

        EditResult result = MelodyEdits.snapToKey(melody(Note.of(61, 0, 2), Note.of(69, 2, 4)),
                List.of(Note.of(61, 0, 2), Note.of(69, 2, 4)), aMinor);

        assertThat(result.melody().notes()).extracting(Note::pitch).containsExactly(60, 69);
    }

    @Test
    void keysKnowTheirRows() {
        MusicalKey dMajor = new MusicalKey(2, Scale.MAJOR);
        assertThat(dMajor.contains(66)).isTrue();
        assertThat(dMajor.contains(65)).isFalse();
        assertThat(MusicalKey.pitchName(60)).isEqualTo("C4");
        assertThat(dMajor).hasToString("D Major");
    }
}
