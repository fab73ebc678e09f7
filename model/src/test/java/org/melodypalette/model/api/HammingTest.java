package org.melodypalette.model.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HammingTest {

    @Test
    void countsTheShareOfDifferingSteps() {
        assertThat(Hamming.normalized(new int[] {0, 0, 41, 1}, new int[] {0, 2, 41, 0})).isEqualTo(0.5);
        assertThat(Hamming.normalized(new int[] {41, 0, 0}, new int[] {41, 0, 0})).isZero();
        assertThat(Hamming.normalized(new int[] {41, 0, 1, 0, 45}, new int[] {42, 1, 0, 45, 0})).isEqualTo(1.0);
    }

    @Test
    void refusesWindowsOfDifferentLengths() {
        assertThatThrownBy(() -> Hamming.normalized(new int[] {0, 0}, new int[] {0}))
                .hasMessageContaining("2 and 1 steps");
    }
}
