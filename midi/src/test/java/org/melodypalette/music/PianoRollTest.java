package org.melodypalette.music;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PianoRollTest {

    private static final TimeGrid GRID = TimeGrid.SIXTEENTHS_4_4;

    @Test
    void sortsNotesAndAnswersWhichPitchesSound() {
        PianoRoll roll = PianoRoll.of(GRID, 16, List.of(Note.of(67, 4, 8), Note.of(64, 0, 4), Note.of(60, 0, 8)));

        assertThat(roll.notes()).containsExactly(Note.of(60, 0, 8), Note.of(64, 0, 4), Note.of(67, 4, 8));
        assertThat(roll.isActive(3, 64)).isTrue();
        assertThat(roll.isActive(4, 64)).isFalse();
        assertThat(roll.isActive(7, 60)).isTrue();
        assertThat(roll.isActive(8, 60)).isFalse();
        assertThat(roll.bars()).isEqualTo(1);
    }

    @Test
    void rejectsOverlapsOfOnePitchUnsortedNotesAndNotesPastTheEnd() {
        assertThatThrownBy(() -> PianoRoll.of(GRID, 16, List.of(Note.of(60, 0, 4), Note.of(60, 3, 5))))
                .hasMessageContaining("notes of the same pitch overlap");
        assertThatThrownBy(() -> new PianoRoll(GRID, 16, List.of(Note.of(62, 0, 4), Note.of(60, 0, 4))))
                .hasMessageContaining("not sorted");
        assertThatThrownBy(() -> PianoRoll.of(GRID, 16, List.of(Note.of(60, 12, 17))))
                .hasMessageContaining("ends after the roll's 16 steps");
    }

    @Test
    void withAndWithoutReturnNewRolls() {
        PianoRoll empty = PianoRoll.of(GRID, 16, List.of());
        PianoRoll one = empty.with(Note.of(60, 0, 2));

        assertThat(empty.isEmpty()).isTrue();
        assertThat(one.notes()).containsExactly(Note.of(60, 0, 2));
        assertThat(one.without(Note.of(60, 0, 2))).isEqualTo(empty);
        assertThatThrownBy(() -> one.with(Note.of(60, 1, 3))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toMelodyKeepsTheHighestNoteOfEachOnsetAndCutsAtTheNextOnset() {
        PianoRoll roll = PianoRoll.of(GRID, 16, List.of(
                new Note(60, 50, 0, 8), new Note(72, 90, 0, 4), new Note(67, 70, 0, 8),
                new Note(55, 60, 2, 6),
                new Note(64, 80, 10, 16), new Note(76, 100, 12, 14)));

        assertThat(roll.toMelody()).isEqualTo(new Melody(GRID, 16, List.of(
                new Note(72, 90, 0, 2), new Note(55, 60, 2, 6), new Note(64, 80, 10, 12), new Note(76, 100, 12, 14))));
    }

    @Test
    void aMelodyIsARollAndBack() {
        Melody melody = new Melody(GRID, 32, List.of(Note.of(60, 0, 4), Note.of(62, 4, 8), Note.of(64, 20, 31)));

        assertThat(PianoRoll.of(melody).toMelody()).isEqualTo(melody);
    }
}
