package org.melodypalette.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MelodyVocabularyTest {

    private final MelodyVocabulary magenta = MelodyVocabulary.MAGENTA;

    @Test
    void magentaRangeHas90IdsWithPitchMinus19() {
        assertThat(magenta.size()).isEqualTo(90);
        for (int pitch = 21; pitch <= 108; pitch++) {
            int id = magenta.noteOn(pitch);
            assertThat(id).isEqualTo(pitch - 19);
            assertThat(magenta.isNoteOn(id)).isTrue();
            assertThat(magenta.pitchOf(id)).isEqualTo(pitch);
        }
        assertThat(magenta.isNoteOn(MelodyVocabulary.NO_EVENT)).isFalse();
        assertThat(magenta.isNoteOn(MelodyVocabulary.NOTE_OFF)).isFalse();
    }

    @Test
    void namesUseSharpsWithC4AsMiddleC() {
        assertThat(magenta.name(0)).isEqualTo("NO_EVENT");
        assertThat(magenta.name(1)).isEqualTo("NOTE_OFF");
        assertThat(magenta.name(2)).isEqualTo("ON_A0");
        assertThat(magenta.name(41)).isEqualTo("ON_C4");
        assertThat(magenta.name(42)).isEqualTo("ON_C#4");
        assertThat(magenta.name(40)).isEqualTo("ON_B3");
        assertThat(magenta.name(89)).isEqualTo("ON_C8");
    }

    @Test
    void everyNameReadsBackToItsId() {
        MelodyVocabulary fullMidi = new MelodyVocabulary(0, 127);
        for (MelodyVocabulary vocabulary : new MelodyVocabulary[] {magenta, fullMidi}) {
            for (int id = 0; id < vocabulary.size(); id++) {
                assertThat(vocabulary.id(vocabulary.name(id))).isEqualTo(id);
            }
        }
        assertThat(fullMidi.name(2)).isEqualTo("ON_C-1");
        assertThat(fullMidi.name(129)).isEqualTo("ON_G9");
    }

    @Test
    void rejectsNamesItDoesNotWrite() {
        for (String bad : new String[] {"ON_Db4", "ON_E#4", "ON_c4", "ON_C", "ON_C10", "ON_C-2", "on_C4", "ON_"}) {
            assertThatThrownBy(() -> magenta.id(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> magenta.id("ON_G#9")).hasMessageContaining("'G#9' is not a pitch name");
    }

    @Test
    void rejectsIdsAndRangesOutside() {
        assertThatThrownBy(() -> magenta.name(90)).hasMessageContaining("token 90 is outside this vocabulary's ids 0..89");
        assertThatThrownBy(() -> magenta.pitchOf(1)).hasMessageContaining("token 1 (NOTE_OFF) is not a note-on");
        assertThatThrownBy(() -> new MelodyVocabulary(60, 59)).hasMessageContaining("60..59");
        assertThatThrownBy(() -> new MelodyVocabulary(0, 128)).hasMessageContaining("0..128");
    }

    @Test
    void octaveFoldNeedsAFullOctave() {
        assertThat(magenta.octaveFold(60)).isEqualTo(60);
        assertThat(magenta.octaveFold(20)).isEqualTo(32);
        assertThat(magenta.octaveFold(109)).isEqualTo(97);
        assertThatThrownBy(() -> new MelodyVocabulary(60, 70).octaveFold(72))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("narrower than an octave");
    }
}
