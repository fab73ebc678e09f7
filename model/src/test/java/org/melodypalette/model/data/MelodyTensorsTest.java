package org.melodypalette.model.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class MelodyTensorsTest {

    private static final int[][] LABELS = {{41, 0, 0, 1, 43, 0, 2, 89}, {0, 0, 0, 0, 60, 1, 0, 0}};

    @Test
    void oneHotIsBatchStepsClassesWithOneOnePerStep() {
        INDArray x = MelodyTensors.oneHot(LABELS, 90, DataType.FLOAT);

        assertThat(x.shape()).containsExactly(2, 8, 90);
        assertThat(x.sum(2).minNumber().doubleValue()).isEqualTo(1.0);
        assertThat(x.sum(2).maxNumber().doubleValue()).isEqualTo(1.0);
        assertThat(x.getDouble(0, 0, 41)).isEqualTo(1.0);
        assertThat(x.getDouble(1, 4, 60)).isEqualTo(1.0);
    }

    @Test
    void argmaxInvertsOneHotInBothLayouts() {
        INDArray x = MelodyTensors.oneHot(LABELS, 90, DataType.DOUBLE);

        assertThat(MelodyTensors.argmaxLabels(x, 8)).isDeepEqualTo(LABELS);
        assertThat(MelodyTensors.argmaxLabels(x.reshape(16, 90), 8)).isDeepEqualTo(LABELS);
    }

    @Test
    void argmaxTakesTheFirstOfEqualValues() {
        assertThat(MelodyTensors.argmax(new float[] {0.5f, 2f, 2f, 1f})).isEqualTo(1);
    }

    @Test
    void oneHotRejectsLabelsOutsideTheVocabulary() {
        assertThatThrownBy(() -> MelodyTensors.oneHot(new int[][] {{0, 90}}, 90, DataType.FLOAT))
                .hasMessageContaining("sequence 0 step 1: label 90 is outside 0..89");
    }

    @Test
    void transpositionShiftsPitchesAndKeepsNoEventAndNoteOff() {
        assertThat(MelodyTensors.transpose(new int[] {41, 0, 1, 43}, -3, 90)).containsExactly(38, 0, 1, 40);
        assertThatThrownBy(() -> MelodyTensors.transpose(new int[] {88, 0}, 2, 90))
                .hasMessageContaining("outside the pitch range");
    }

    @Test
    void allowedTranspositionsStayInsideThePitchRange() {
        assertThat(MelodyTensors.allowedTranspositions(new int[] {3, 0, 1, 87}, 5, 90))
                .containsExactly(-1, 0, 1, 2);
        assertThat(MelodyTensors.allowedTranspositions(new int[] {0, 1}, 2, 90)).containsExactly(-2, -1, 0, 1, 2);
    }
}
