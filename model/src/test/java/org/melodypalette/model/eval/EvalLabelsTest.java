package org.melodypalette.model.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EvalLabelsTest {

    @Test
    void aNoteOffOverSilenceBecomesNoEvent() {
        assertThat(EvalLabels.canonical(new int[] {0, 0, 1, 0})).containsExactly(0, 0, 0, 0);
        assertThat(EvalLabels.canonical(new int[] {41, 0, 1, 1})).containsExactly(41, 0, 1, 0);
    }

    @Test
    void canonicalLabelsStayAsTheyAre() {
        int[] melody = {41, 0, 45, 1, 0, 48, 0, 0};
        assertThat(EvalLabels.canonical(melody)).containsExactly(melody);
    }

    @Test
    void onsetPitchesAreTheNoteOnsInOrder() {
        // label = pitch − 19 (Magenta's vocabulary)
        assertThat(EvalLabels.onsetPitches(new int[] {41, 0, 45, 1, 41, 41, 0, 89})).containsExactly(60, 64, 60, 60, 108);
        assertThat(EvalLabels.isSilent(new int[] {0, 1, 0})).isTrue();
        assertThat(EvalLabels.isSilent(new int[] {0, 2, 0})).isFalse();
    }
}
