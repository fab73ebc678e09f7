package org.melodypalette.model.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MelodyAttributeTest {

    /**
     * 2 bars of 16ths: C4 (label 41) at step 0, E4 (45) at 4, G4 (48) at the odd step 7, note off at
     * 10, D4 (43) at 16, note off at 20. Sounding steps: 0–9 and 16–19, so 18 of 32 are silent.
     */
    private static final int[] PHRASE = new int[32];

    static {
        PHRASE[0] = 41;
        PHRASE[4] = 45;
        PHRASE[7] = 48;
        PHRASE[10] = 1;
        PHRASE[16] = 43;
        PHRASE[20] = 1;
    }

    @Test
    void measuresAHandWrittenPhrase() {
        assertThat(MelodyAttribute.NOTE_DENSITY.of(PHRASE, 16)).isEqualTo(2.0);
        assertThat(MelodyAttribute.PITCH_HEIGHT.of(PHRASE, 16)).isEqualTo((60 + 64 + 67 + 62) / 4.0);
        assertThat(MelodyAttribute.PITCH_RANGE.of(PHRASE, 16)).isEqualTo(7.0);
        assertThat(MelodyAttribute.SYNCOPATION.of(PHRASE, 16)).isEqualTo(0.25);
        assertThat(MelodyAttribute.REST_SHARE.of(PHRASE, 16)).isEqualTo(18 / 32.0);
    }

    @Test
    void aNoteSoundsUntilTheNextOnsetWithoutANoteOff() {
        int[] legato = {2, 0, 0, 89, 0, 0, 0, 0};

        assertThat(MelodyAttribute.REST_SHARE.of(legato, 4)).isEqualTo(0.0);
        assertThat(MelodyAttribute.PITCH_RANGE.of(legato, 4)).isEqualTo(108 - 21);
        assertThat(MelodyAttribute.SYNCOPATION.of(legato, 4)).isEqualTo(0.5);
        assertThat(MelodyAttribute.NOTE_DENSITY.of(legato, 4)).isEqualTo(1.0);
    }

    @Test
    void pitchAttributesAreUndefinedForASilentWindow() {
        int[] silent = new int[32];
        silent[3] = 1;

        assertThat(MelodyAttribute.NOTE_DENSITY.of(silent, 16)).isZero();
        assertThat(MelodyAttribute.REST_SHARE.of(silent, 16)).isEqualTo(1.0);
        assertThat(MelodyAttribute.PITCH_HEIGHT.of(silent, 16)).isNaN();
        assertThat(MelodyAttribute.PITCH_RANGE.of(silent, 16)).isNaN();
        assertThat(MelodyAttribute.SYNCOPATION.of(silent, 16)).isNaN();
    }

    @Test
    void refusesAWindowThatIsNotWholeBars() {
        assertThatThrownBy(() -> MelodyAttribute.NOTE_DENSITY.of(new int[20], 16))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("20 labels are not whole bars of 16 steps");
    }
}
