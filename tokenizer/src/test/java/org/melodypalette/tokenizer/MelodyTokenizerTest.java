package org.melodypalette.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.melodypalette.music.Melody;
import org.melodypalette.music.Note;
import org.melodypalette.music.TimeGrid;

/**
 * Edge cases of the MusicVAE melody encoding. Expected labels follow magenta.js's
 * {@code MelodyConverter.toTensor} step by step (41 = C4, 45 = E4, 48 = G4, 0 = NO_EVENT, 1 = NOTE_OFF).
 */
class MelodyTokenizerTest {

    private static final TimeGrid GRID = TimeGrid.SIXTEENTHS_4_4;
    private static final int C4 = 60;
    private static final int E4 = 64;
    private static final int G4 = 67;

    private final MelodyTokenizer tokenizer = MelodyTokenizer.magenta();

    private static Melody melody(int lengthSteps, Note... notes) {
        return Melody.of(GRID, lengthSteps, List.of(notes));
    }

    @Nested
    class Encode {

        @Test
        void writesNoteOnAtStartAndNoteOffAtEnd() {
            Melody m = melody(8, Note.of(C4, 0, 2), Note.of(E4, 2, 3), Note.of(G4, 5, 8));

            assertThat(tokenizer.encode(m, 8)).containsExactly(41, 0, 45, 1, 0, 48, 0, 0);
        }

        @Test
        void readmeExample() {
            Melody m = melody(16, Note.of(C4, 0, 4), Note.of(E4, 4, 5), Note.of(G4, 6, 9));

            assertThat(tokenizer.encode(m, 16)).containsExactly(41, 0, 0, 0, 45, 1, 48, 0, 0, 1, 0, 0, 0, 0, 0, 0);
        }

        @Test
        void legatoNoteOverwritesThePreviousNoteOff() {
            Melody m = melody(8, Note.of(C4, 0, 4), Note.of(E4, 4, 8));

            assertThat(tokenizer.encode(m, 8)).containsExactly(41, 0, 0, 0, 45, 0, 0, 0);
        }

        @Test
        void repeatedPitchIsASecondNoteOn() {
            Melody m = melody(4, Note.of(C4, 0, 1), Note.of(C4, 1, 3));

            assertThat(tokenizer.encode(m, 4)).containsExactly(41, 41, 0, 1);
        }

        @Test
        void noteOnTheLastStepGetsNoNoteOff() {
            assertThat(tokenizer.encode(melody(4, Note.of(C4, 3, 4)), 4)).containsExactly(0, 0, 0, 41);
        }

        @Test
        void noteEndingPastNumStepsIsCutWithoutNoteOff() {
            assertThat(tokenizer.encodeNotes(List.of(Note.of(C4, 2, 9)), 4)).containsExactly(0, 0, 41, 0);
        }

        @Test
        void notesStartingAtOrPastNumStepsVanish() {
            List<Note> notes = List.of(Note.of(C4, 0, 2), Note.of(E4, 4, 6), Note.of(G4, 7, 9));

            assertThat(tokenizer.encodeNotes(notes, 4)).containsExactly(41, 0, 1, 0);
        }

        @Test
        void numStepsShorterThanTheMelodyTruncatesAndLongerPadsWithNoEvent() {
            Melody m = melody(8, Note.of(C4, 0, 2), Note.of(E4, 6, 8));

            assertThat(tokenizer.encode(m, 4)).containsExactly(41, 0, 1, 0);
            assertThat(tokenizer.encode(m, 10)).containsExactly(41, 0, 1, 0, 0, 0, 45, 0, 1, 0);
        }

        @Test
        void emptyMelodyIsAllNoEvent() {
            assertThat(tokenizer.encode(Melody.silent(GRID, 5), 5)).containsExactly(0, 0, 0, 0, 0);
        }

        @Test
        void equalOnsetsKeepTheHighestPitchWhateverTheInputOrder() {
            List<Note> chord = List.of(Note.of(C4, 0, 4), Note.of(G4, 0, 1), Note.of(E4, 0, 2));

            assertThat(tokenizer.encodeNotes(chord, 4)).containsExactly(48, 1, 0, 0);
            assertThat(tokenizer.encodeNotes(List.of(chord.get(1), chord.get(2), chord.get(0)), 4))
                    .containsExactly(48, 1, 0, 0);
        }

        @Test
        void equalOnsetsAndPitchesKeepTheFirstGivenNote() {
            // magenta.js sorts stably, so among identical onsets and pitches input order decides.
            assertThat(tokenizer.encodeNotes(List.of(Note.of(C4, 0, 2), Note.of(C4, 0, 3)), 4))
                    .containsExactly(41, 0, 1, 0);
            assertThat(tokenizer.encodeNotes(List.of(Note.of(C4, 0, 3), Note.of(C4, 0, 2)), 4))
                    .containsExactly(41, 0, 0, 1);
        }

        @Test
        void overlappedNoteKeepsItsNoteOffInsideTheLaterNote() {
            // C4 [0, 8) under E4 [4, 6): C4's NOTE_OFF at 8 stays although nothing sounds there.
            List<Note> notes = List.of(Note.of(C4, 0, 8), Note.of(E4, 4, 6));

            int[] tokens = tokenizer.encodeNotes(notes, 10);

            assertThat(tokens).containsExactly(41, 0, 0, 0, 45, 0, 1, 0, 1, 0);
            assertThat(tokenizer.silentNoteOffs(tokens)).isEqualTo(1);
        }

        @Test
        void overlappedNoteOffCutsTheLaterNoteShort() {
            // C4 [0, 8) under E4 [4, 12): C4's NOTE_OFF at 8 ends E4 there.
            List<Note> notes = List.of(Note.of(C4, 0, 8), Note.of(E4, 4, 12));

            int[] tokens = tokenizer.encodeNotes(notes, 12);

            assertThat(tokens).containsExactly(41, 0, 0, 0, 45, 0, 0, 0, 1, 0, 0, 0);
            assertThat(tokenizer.decode(tokens, GRID).notes())
                    .containsExactly(Note.of(C4, 0, 4), Note.of(E4, 4, 8));
        }

        @Test
        void velocityIsIgnored() {
            Melody loud = melody(2, new Note(C4, 127, 0, 1));

            assertThat(tokenizer.encode(loud, 2)).containsExactly(41, 1);
        }

        @Test
        void numStepsMustBePositive() {
            assertThatThrownBy(() -> tokenizer.encode(Melody.silent(GRID, 4), 0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("numSteps 0");
        }
    }

    @Nested
    class OutOfRange {

        @Test
        void strictNamesThePitchTheNoteAndTheRange() {
            Melody high = melody(8, Note.of(C4, 0, 2), Note.of(110, 4, 6));

            assertThatThrownBy(() -> tokenizer.encode(high, 8))
                    .isInstanceOfSatisfying(PitchOutOfRangeException.class, e -> {
                        assertThat(e.pitch()).isEqualTo(110);
                        assertThat(e.minPitch()).isEqualTo(21);
                        assertThat(e.maxPitch()).isEqualTo(108);
                    })
                    .hasMessageContaining("pitch 110 (D8)")
                    .hasMessageContaining("steps [4, 6)")
                    .hasMessageContaining("21..108 (A0..C8)");
        }

        @Test
        void strictChecksOnlyKeptNotesButAlsoThosePastTheEnd() {
            // As in magenta.js: a lower note of a chord is skipped before its pitch is checked,
            // while a note starting past numSteps is checked before its writes are dropped.
            List<Note> chordWithLowBass = List.of(Note.of(C4, 0, 2), Note.of(12, 0, 2));
            List<Note> highNoteAfterTheEnd = List.of(Note.of(C4, 0, 2), Note.of(120, 8, 9));

            assertThat(tokenizer.encodeNotes(chordWithLowBass, 4)).containsExactly(41, 0, 1, 0);
            assertThatThrownBy(() -> tokenizer.encodeNotes(highNoteAfterTheEnd, 4))
                    .isInstanceOf(PitchOutOfRangeException.class);
        }

        @Test
        void octaveFoldMovesPitchesIntoTheNearestOctaveInside() {
            MelodyTokenizer folding = tokenizer.withOutOfRangePolicy(OutOfRangePolicy.OCTAVE_FOLD);
            Melody m = melody(4, Note.of(110, 0, 1), Note.of(0, 1, 2), Note.of(127, 2, 3), Note.of(C4, 3, 4));

            Melody decoded = folding.decode(folding.encode(m, 4), GRID);

            assertThat(decoded.notes()).extracting(Note::pitch).containsExactly(98, 24, 103, C4);
        }

        @Test
        void octaveFoldKeepsTheHighestOriginalPitchOfAChord() {
            // C8 (108, in range) and E8 (112, folds to E7 = 100) start together: E8 is the top voice.
            MelodyTokenizer folding = tokenizer.withOutOfRangePolicy(OutOfRangePolicy.OCTAVE_FOLD);

            int[] tokens = folding.encodeNotes(List.of(Note.of(108, 0, 2), Note.of(112, 0, 2)), 2);

            assertThat(tokens).containsExactly(100 - 19, 0);
        }

        @Test
        void octaveFoldNeedsARangeOfAnOctave() {
            assertThatThrownBy(() -> MelodyTokenizer.of(60, 70, OutOfRangePolicy.OCTAVE_FOLD))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("at least 12 pitches");
            assertThat(MelodyTokenizer.of(60, 71, OutOfRangePolicy.OCTAVE_FOLD).vocabularySize()).isEqualTo(14);
        }

        @Test
        void customRangeShiftsTheIds() {
            MelodyTokenizer narrow = MelodyTokenizer.of(48, 84, OutOfRangePolicy.STRICT);
            Melody m = melody(2, Note.of(48, 0, 1), Note.of(84, 1, 2));

            assertThat(narrow.vocabularySize()).isEqualTo(39);
            assertThat(narrow.encode(m, 2)).containsExactly(2, 38);
            assertThat(narrow.decode(new int[] {2, 38}, GRID)).isEqualTo(m);
            assertThatThrownBy(() -> narrow.encode(melody(2, Note.of(47, 0, 1)), 2))
                    .isInstanceOf(PitchOutOfRangeException.class)
                    .hasMessageContaining("48..84 (C3..C6)");
        }
    }

    @Nested
    class Decode {

        @Test
        void noteOnStartsANoteThatLastsUntilTheNextEvent() {
            Melody m = tokenizer.decode(new int[] {41, 0, 45, 1, 0, 48, 0, 0}, GRID);

            assertThat(m).isEqualTo(melody(8, Note.of(C4, 0, 2), Note.of(E4, 2, 3), Note.of(G4, 5, 8)));
            assertThat(m.notes()).allSatisfy(n -> assertThat(n.velocity()).isEqualTo(Note.DEFAULT_VELOCITY));
        }

        @Test
        void repeatedNoteOnReAttacks() {
            assertThat(tokenizer.decode(new int[] {41, 41, 0, 41}, GRID).notes())
                    .containsExactly(Note.of(C4, 0, 1), Note.of(C4, 1, 3), Note.of(C4, 3, 4));
        }

        @Test
        void noteOffWhileSilentIsIgnored() {
            int[] tokens = {1, 0, 41, 1, 1, 0};

            assertThat(tokenizer.decode(tokens, GRID).notes()).containsExactly(Note.of(C4, 2, 3));
            assertThat(tokenizer.silentNoteOffs(tokens)).isEqualTo(2);
        }

        @Test
        void allNoEventIsASilentMelodyOfThatLength() {
            assertThat(tokenizer.decode(new int[6], GRID)).isEqualTo(Melody.silent(GRID, 6));
        }

        @Test
        void keepsTheGivenGrid() {
            TimeGrid waltz = new TimeGrid(4, 3, 4, 90.0);

            assertThat(tokenizer.decode(new int[] {41}, waltz).grid()).isEqualTo(waltz);
        }

        @Test
        void rejectsEmptyAndUnknownTokensNamingTheStep() {
            assertThatThrownBy(() -> tokenizer.decode(new int[0], GRID))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("empty");
            assertThatThrownBy(() -> tokenizer.decode(new int[] {41, 0, 90}, GRID))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("token 90 at step 2")
                    .hasMessageContaining("0..89");
            assertThatThrownBy(() -> tokenizer.decode(new int[] {-1}, GRID))
                    .hasMessageContaining("token -1 at step 0");
        }
    }

    @Nested
    class NamesAndText {

        @Test
        void nameIdentifiesTheRangeAndReadsBack() {
            MelodyTokenizer custom = MelodyTokenizer.of(48, 84, OutOfRangePolicy.OCTAVE_FOLD);

            assertThat(tokenizer.name()).isEqualTo("musicvae-melody-90");
            assertThat(custom.name()).isEqualTo("musicvae-melody-48-84");
            assertThat(MelodyTokenizer.fromName("musicvae-melody-90")).isEqualTo(tokenizer);
            assertThat(MelodyTokenizer.fromName(custom.name()))
                    .isEqualTo(custom.withOutOfRangePolicy(OutOfRangePolicy.STRICT));
            assertThatThrownBy(() -> MelodyTokenizer.fromName("remi-16"))
                    .hasMessageContaining("'remi-16' is not a MusicVAE melody tokenizer name");
        }

        @Test
        void textHasReadableNamesAndParsesBack() {
            int[] tokens = {41, 0, 45, 1, 0, 48, 0, 0};

            String text = tokenizer.toText(tokens);

            assertThat(text).isEqualTo("ON_C4 NO_EVENT ON_E4 NOTE_OFF NO_EVENT ON_G4 NO_EVENT NO_EVENT");
            assertThat(tokenizer.parse(text)).containsExactly(tokens);
        }

        @Test
        void textWithLinesParsesBack() {
            int[] tokens = {41, 0, 45, 1, 0, 48};

            String text = tokenizer.toText(tokens, 4);

            assertThat(text).isEqualTo("ON_C4 NO_EVENT ON_E4 NOTE_OFF\nNO_EVENT ON_G4\n");
            assertThat(tokenizer.parse(text)).containsExactly(tokens);
            assertThat(tokenizer.parse("  \n ")).isEmpty();
        }

        @Test
        void parseNamesTheBadTokenAndItsPosition() {
            assertThatThrownBy(() -> tokenizer.parse("ON_C4 NO_EVENT ON_H4"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("token 3 of 3")
                    .hasMessageContaining("'H4' is not a pitch name");
            assertThatThrownBy(() -> tokenizer.parse("ON_C4 REST"))
                    .hasMessageContaining("token 2 of 2")
                    .hasMessageContaining("unknown token 'REST'");
            assertThatThrownBy(() -> tokenizer.parse("ON_C9"))
                    .hasMessageContaining("pitch 120 (C9) of token ON_C9 is outside the range 21..108");
        }
    }
}
