package org.melodypalette.model.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.melodypalette.datasets.LabelWindows;

class TrainingBatchesTest {

    /** Ten windows whose first label tells them apart (2..11), one of them near the top of the range. */
    private static LabelWindows windows() {
        List<int[]> rows = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            rows.add(new int[] {2 + i, 0, 1, i == 9 ? 88 : 40});
        }
        return LabelWindows.of(4, rows);
    }

    @Test
    void aStepsBatchIsAPureFunctionOfSeedAndStep() {
        TrainingBatches a = new TrainingBatches(windows(), 4, 3, 90, 42);
        TrainingBatches b = new TrainingBatches(windows(), 4, 3, 90, 42);

        int[][] late = a.batch(7);
        a.batch(2);

        assertThat(b.batch(7)).isDeepEqualTo(late);
        assertThat(a.batch(7)).isDeepEqualTo(late);
        assertThat(new TrainingBatches(windows(), 4, 3, 90, 43).batch(7)).isNotEqualTo(late);
    }

    @Test
    void everyEpochVisitsEachWindowOnce() {
        TrainingBatches batches = new TrainingBatches(windows(), 5, 0, 90, 1);
        Set<Integer> firstEpoch = new HashSet<>();
        for (int step = 0; step < 2; step++) {
            for (int[] row : batches.batch(step)) {
                firstEpoch.add(row[0]);
            }
        }
        assertThat(firstEpoch).hasSize(10);
    }

    @Test
    void transpositionStaysWithinItsRangeAndThePitchRange() {
        TrainingBatches batches = new TrainingBatches(windows(), 10, 3, 90, 5);
        Set<Integer> shifts = new HashSet<>();
        for (int step = 0; step < 20; step++) {
            for (int[] row : batches.batch(step)) {
                assertThat(row[1]).isZero();
                assertThat(row[2]).isEqualTo(1);
                assertThat(row[3]).isBetween(2, 89);
                int original = row[3] >= 80 ? 88 : 40;
                shifts.add(row[3] - original);
            }
        }
        assertThat(shifts).containsExactlyInAnyOrder(-3, -2, -1, 0, 1, 2, 3);
    }

    @Test
    void fingerprintDependsOnTheLabels() {
        LabelWindows other = LabelWindows.of(4, List.of(new int[] {2, 0, 1, 41}));
        assertThat(TrainingBatches.fingerprint(windows())).isEqualTo(TrainingBatches.fingerprint(windows()))
                .isNotEqualTo(TrainingBatches.fingerprint(other));
    }
}
