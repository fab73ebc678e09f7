package org.melodypalette.model.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.melodypalette.music.Melody;
import org.melodypalette.music.Note;
import org.melodypalette.music.TimeGrid;
import org.melodypalette.tokenizer.MelodyTokenizer;
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

    @Test
    void melodiesRoundTripThroughOneHotTensors() {
        MelodyTokenizer tokenizer = MelodyTokenizer.magenta();
        Melody melody = Melody.of(TimeGrid.SIXTEENTHS_4_4, 32,
                List.of(new Note(60, 100, 0, 4), new Note(64, 100, 4, 6), new Note(67, 100, 8, 16)));

        INDArray x = MelodyTensors.oneHot(List.of(melody), tokenizer, 32, DataType.FLOAT);
        List<Melody> back = MelodyTensors.melodies(MelodyTensors.argmaxLabels(x, 32), tokenizer, TimeGrid.SIXTEENTHS_4_4);

        assertThat(x.shape()).containsExactly(1, 32, 90);
        assertThat(x.getDouble(0, 0, 60 - 21 + 2)).isEqualTo(1.0);
        assertThat(back.get(0).notes()).extracting(Note::pitch, Note::startStep, Note::endStep)
                .containsExactly(tuple(60, 0, 4), tuple(64, 4, 6), tuple(67, 8, 16));
    }
}
