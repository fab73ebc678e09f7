package org.melodypalette.midi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TempoChangeTest {

    @Test
    void wholeAndOneDecimalTempoReadBackAsWritten() {
        for (int tenths = 36; tenths <= 10_000; tenths++) {
            double qpm = tenths / 10.0;
            assertThat(TempoChange.ofQpm(0, qpm).qpm()).as("%s qpm", qpm).isEqualTo(qpm);
        }
    }

    @Test
    void tempoNotWrittenByUsKeepsItsPrecision() {
        assertThat(new TempoChange(0, 666_665).qpm()).isEqualTo(90.0002);
        assertThat(new TempoChange(0, 500_000).qpm()).isEqualTo(120.0);
    }

    @Test
    void rejectsTemposAMidiFileCannotHoldOrAGridCannotUse() {
        assertThatThrownBy(() -> new TempoChange(0, 59_999)).hasMessageContaining("59999 microseconds");
        assertThatThrownBy(() -> TempoChange.ofQpm(0, 3.0)).hasMessageContaining("20000000 microseconds");
    }
}
