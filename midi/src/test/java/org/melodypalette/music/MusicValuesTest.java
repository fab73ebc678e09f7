package org.melodypalette.music;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MusicValuesTest {

    @Test
    void namesPitches() {
        assertThat(Pitches.name(Pitches.MIDDLE_C)).isEqualTo("C4");
        assertThat(Pitches.name(61)).isEqualTo("C#4");
        assertThat(Pitches.name(Pitches.PIANO_LOW)).isEqualTo("A0");
        assertThat(Pitches.name(Pitches.PIANO_HIGH)).isEqualTo("C8");
        assertThat(Pitches.name(0)).isEqualTo("C-1");
        assertThatThrownBy(() -> Pitches.name(128)).hasMessage("pitch 128 is outside MIDI range 0..127");
    }

    @Test
    void metresAndGrids() {
        Metre sixEight = new Metre(6, 8);

        assertThat(sixEight.quartersPerBar()).isEqualTo(3.0);
        assertThat(sixEight).hasToString("6/8");
        assertThat(TimeGrid.of(4, sixEight, 100).stepsPerBar()).isEqualTo(12);
        assertThat(TimeGrid.SIXTEENTHS_4_4.metre()).isEqualTo(Metre.FOUR_FOUR);
        assertThatThrownBy(() -> new Metre(4, 3)).hasMessage("beatUnit 3 is not a power of two in 1..64");
        assertThatThrownBy(() -> new Metre(0, 4)).hasMessage("beatsPerBar 0 is outside 1..64");
    }
}
