package org.melodypalette.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.melodypalette.tokenizer.MelodyVocabulary.FIRST_PITCH;
import static org.melodypalette.tokenizer.MelodyVocabulary.NOTE_OFF;
import static org.melodypalette.tokenizer.MelodyVocabulary.NO_EVENT;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.melodypalette.music.Melody;
import org.melodypalette.music.TimeGrid;

/**
 * {@link MelodyTokenizer#decode} of any label sequence, as a model may sample it: labels in range
 * always decode to a valid {@link Melody} of one step per label whose re-encoding is the input with
 * its silent NOTE_OFFs (nothing sounding) turned into NO_EVENT; an id outside the vocabulary is an
 * IllegalArgumentException naming it and its step.
 *
 * <p>Input bytes: the first picks the vocabulary (bits 0-1) and the grid (bits 2-3); each further
 * byte is one label: below 250 it is {@code byte % vocabularySize} (in range), 250..255 are the
 * out-of-range ids of {@link #OUT_OF_RANGE}. Under {@code ./mvnw verify} the committed inputs in
 * {@code DecodeAnyLabelsFuzzTestInputs/} run, plus a seeded random sweep; {@code JAZZER_FUZZ=1}
 * fuzzes (see docs/RELIABILITY.md).
 */
class DecodeAnyLabelsFuzzTest {

    private static final List<MelodyTokenizer> TOKENIZERS = List.of(MelodyTokenizer.magenta(),
            MelodyTokenizer.of(60, 71, OutOfRangePolicy.STRICT), MelodyTokenizer.of(0, 127, OutOfRangePolicy.STRICT),
            MelodyTokenizer.of(64, 64, OutOfRangePolicy.STRICT));
    private static final List<TimeGrid> GRIDS = List.of(TimeGrid.SIXTEENTHS_4_4, new TimeGrid(4, 3, 4, 90),
            new TimeGrid(3, 6, 8, 60), new TimeGrid(96, 7, 64, 1000));
    private static final int FIRST_OUT_OF_RANGE_BYTE = 250;

    @FuzzTest(maxDuration = "10m")
    void decodeAnyLabels(byte[] data) {
        if (data.length == 0) {
            return;
        }
        MelodyTokenizer tokenizer = TOKENIZERS.get(data[0] & 3);
        TimeGrid grid = GRIDS.get((data[0] >> 2) & 3);
        int size = tokenizer.vocabularySize();
        int[] labels = new int[data.length - 1];
        int firstBad = -1;
        for (int i = 0; i < labels.length; i++) {
            int b = data[i + 1] & 0xFF;
            labels[i] = b < FIRST_OUT_OF_RANGE_BYTE ? b % size : outOfRange(b - FIRST_OUT_OF_RANGE_BYTE, size);
            firstBad = firstBad < 0 && b >= FIRST_OUT_OF_RANGE_BYTE ? i : firstBad;
        }
        checkDecode(tokenizer, labels, grid, firstBad);
    }

    /** Plain JUnit: 1,000 seeded random inputs of 0..300 bytes, so the property runs in every build. */
    @Test
    void seededRandomLabelSequences() {
        Random random = new Random(7);
        for (int i = 0; i < 1000; i++) {
            byte[] data = new byte[random.nextInt(301)];
            random.nextBytes(data);
            // mostly in-range labels: rare out-of-range bytes, as in sampled output that is valid
            for (int k = 1; k < data.length; k++) {
                if ((data[k] & 0xFF) >= FIRST_OUT_OF_RANGE_BYTE && random.nextInt(20) > 0) {
                    data[k] = (byte) random.nextInt(FIRST_OUT_OF_RANGE_BYTE);
                }
            }
            decodeAnyLabels(data);
        }
    }

    private static void checkDecode(MelodyTokenizer tokenizer, int[] labels, TimeGrid grid, int firstBad) {
        if (labels.length == 0) {
            assertThatThrownBy(() -> tokenizer.decode(labels, grid)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("cannot decode an empty token sequence: a melody has at least one step");
            return;
        }
        if (firstBad >= 0) {
            assertThatThrownBy(() -> tokenizer.decode(labels, grid)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("token " + labels[firstBad] + " at step " + firstBad
                            + " is outside this vocabulary's ids 0.." + (tokenizer.vocabularySize() - 1));
            return;
        }
        Melody melody = tokenizer.decode(labels, grid);

        assertThat(melody.grid()).isEqualTo(grid);
        assertThat(melody.lengthSteps()).isEqualTo(labels.length);
        assertThat(tokenizer.encode(melody, labels.length)).containsExactly(minusSilentNoteOffs(labels));
    }

    /** The labels with every NOTE_OFF that ends nothing (no note sounding) replaced by NO_EVENT. */
    private static int[] minusSilentNoteOffs(int[] labels) {
        int[] expected = new int[labels.length];
        boolean sounding = false;
        for (int step = 0; step < labels.length; step++) {
            int label = labels[step];
            if (label == NOTE_OFF) {
                expected[step] = sounding ? NOTE_OFF : NO_EVENT;
                sounding = false;
            } else {
                expected[step] = label;
                sounding |= label >= FIRST_PITCH;
            }
        }
        return expected;
    }

    /** Ids just outside the vocabulary and at the ends of int. */
    private static int outOfRange(int which, int size) {
        return switch (which) {
            case 0 -> -1;
            case 1 -> size;
            case 2 -> Integer.MIN_VALUE;
            case 3 -> Integer.MAX_VALUE;
            case 4 -> -2;
            default -> size + 1;
        };
    }
}
