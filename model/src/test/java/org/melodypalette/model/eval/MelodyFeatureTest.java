package org.melodypalette.model.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Features of hand-made 2-bar windows (labels: pitch − 19). */
class MelodyFeatureTest {

    /** C4 E4 G4 C5 (a quarter each), then B3 for a quarter and a rest: 5 notes in 2 bars. */
    private static final int[] ARPEGGIO = window(new int[][] {{60, 0}, {64, 4}, {67, 8}, {72, 12}, {59, 16}}, 20);
    /** D4 F#4 A4: fits D, G and A major; D is the lowest tonic. */
    private static final int[] D_TRIAD = window(new int[][] {{62, 0}, {66, 8}, {69, 16}}, 24);
    private static final int[] SILENT = new int[32];
    /** A new F2 on each of the 32 steps. */
    private static final int[] EVERY_STEP = filled(41);

    private static int[] filled(int label) {
        int[] labels = new int[32];
        Arrays.fill(labels, label);
        return labels;
    }

    /** Notes {pitch, start} each held to the next start; a note-off at {@code end}. */
    private static int[] window(int[][] notes, int end) {
        int[] labels = new int[32];
        for (int[] note : notes) {
            labels[note[1]] = note[0] - 19;
        }
        labels[end] = 1;
        return labels;
    }

    private static long[] counts(MelodyFeature feature, int[]... windows) {
        Histogram h = feature.histogram(List.of(windows), 16);
        long[] counts = new long[h.bins()];
        for (int k = 0; k < counts.length; k++) {
            counts[k] = h.count(k);
        }
        return counts;
    }

    @Test
    void noteDensityIsNotesPerBarInWholeNoteBins() {
        assertThat(MelodyFeature.NOTE_DENSITY.valueOf(ARPEGGIO, 16)).isEqualTo(2.5);
        assertThat(MelodyFeature.NOTE_DENSITY.binsOf(ARPEGGIO, 16)).containsExactly(2);
        assertThat(MelodyFeature.NOTE_DENSITY.binsOf(SILENT, 16)).containsExactly(0);
        assertThat(MelodyFeature.NOTE_DENSITY.binsOf(EVERY_STEP, 16)).containsExactly(16);
        assertThat(MelodyFeature.NOTE_DENSITY.binLabels()).hasSize(17).endsWith("16+");
        assertThat(MelodyFeature.NOTE_DENSITY.mean(List.of(ARPEGGIO, SILENT, D_TRIAD), 16)).isEqualTo((2.5 + 0 + 1.5) / 3);
    }

    @Test
    void barOnsetsCountEachBarsNoteOnsSoEmptyBarsShow() {
        // ARPEGGIO: 4 notes start in bar 1, 1 in bar 2; D_TRIAD: 2 then 1; SILENT: none in either
        assertThat(MelodyFeature.BAR_ONSETS.binsOf(ARPEGGIO, 16)).containsExactly(4, 1);
        assertThat(MelodyFeature.BAR_ONSETS.binsOf(SILENT, 16)).containsExactly(0, 0);
        int[] heldThroughBar2 = window(new int[][] {{60, 0}}, 31);
        assertThat(MelodyFeature.BAR_ONSETS.binsOf(heldThroughBar2, 16)).containsExactly(1, 0);
        assertThat(MelodyFeature.BAR_ONSETS.binsOf(EVERY_STEP, 16)).containsExactly(16, 16);
        assertThat(MelodyFeature.BAR_ONSETS.binLabels()).hasSize(17).endsWith("16");
        assertThat(counts(MelodyFeature.BAR_ONSETS, ARPEGGIO, D_TRIAD, SILENT))
                .containsExactly(2, 2, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void pitchRangeSkipsSilentWindows() {
        assertThat(MelodyFeature.PITCH_RANGE.binsOf(ARPEGGIO, 16)).containsExactly(13);
        assertThat(MelodyFeature.PITCH_RANGE.binsOf(SILENT, 16)).isEmpty();
        assertThat(MelodyFeature.PITCH_RANGE.mean(List.of(ARPEGGIO, SILENT, D_TRIAD), 16)).isEqualTo((13 + 7) / 2.0);
        int[] wide = window(new int[][] {{40, 0}, {90, 4}}, 8);
        assertThat(MelodyFeature.PITCH_RANGE.binsOf(wide, 16)).containsExactly(25);
        assertThat(MelodyFeature.PITCH_RANGE.binLabels().get(25)).isEqualTo(">24");
    }

    @Test
    void pitchClassesAreAbsoluteOrAboveTheWindowsOwnTonic() {
        assertThat(MelodyFeature.PITCH_CLASS.binsOf(ARPEGGIO, 16)).containsExactly(0, 4, 7, 0, 11);
        assertThat(MelodyFeature.PITCH_CLASS.binsOf(D_TRIAD, 16)).containsExactly(2, 6, 9);
        assertThat(MelodyFeature.PITCH_CLASS.binLabels())
                .containsExactly("C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B");
        assertThat(MelodyFeature.KEY_PITCH_CLASS.binsOf(ARPEGGIO, 16)).containsExactly(0, 4, 7, 0, 11);
        assertThat(MelodyFeature.KEY_PITCH_CLASS.binsOf(D_TRIAD, 16)).containsExactly(0, 4, 7);
        assertThat(counts(MelodyFeature.KEY_PITCH_CLASS, ARPEGGIO, D_TRIAD, SILENT))
                .containsExactly(3, 0, 0, 0, 2, 0, 0, 2, 0, 0, 0, 1);
    }

    @Test
    void intervalsJoinConsecutiveNotesAndClipBeyondAnOctave() {
        // +4 +3 +5 −13: bins hold "<-12", −12..12, ">12", so interval v is bin v + 13
        assertThat(MelodyFeature.INTERVAL.binsOf(ARPEGGIO, 16)).containsExactly(17, 16, 18, 0);
        assertThat(MelodyFeature.INTERVAL.binLabels().get(0)).isEqualTo("<-12");
        assertThat(MelodyFeature.INTERVAL.binLabels().get(13)).isEqualTo("0");
        assertThat(MelodyFeature.INTERVAL.binLabels().get(26)).isEqualTo(">12");
        assertThat(MelodyFeature.INTERVAL.binsOf(window(new int[][] {{60, 0}}, 4), 16)).isEmpty();
        assertThat(MelodyFeature.INTERVAL.binsOf(window(new int[][] {{60, 0}, {72, 4}, {72, 8}}, 12), 16))
                .containsExactly(25, 13);
    }

    @Test
    void onlyPerWindowFeaturesHaveAMean() {
        assertThat(MelodyFeature.values()).filteredOn(MelodyFeature::isPerWindow)
                .containsExactly(MelodyFeature.NOTE_DENSITY, MelodyFeature.PITCH_RANGE);
    }
}
