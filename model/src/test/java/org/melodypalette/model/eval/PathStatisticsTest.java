package org.melodypalette.model.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.melodypalette.model.api.EvaluationInterpolationPath;

/** Two hand-made 3-point paths of 4 steps from A (C4 on every step) to B (C#4 on every step). */
class PathStatisticsTest {

    private static final int[] A = {41, 41, 41, 41};
    private static final int[] HALF = {41, 42, 41, 42};
    private static final int[] B = {42, 42, 42, 42};
    private static final DiatonicKey C_MAJOR = new DiatonicKey(0);

    @Test
    void averagesTheCurvesAndSmoothnessOverPairs() {
        PathStatistics stats = new PathStatistics(3);
        stats.add(new int[][] {A, HALF, B}, A, C_MAJOR);
        stats.add(new int[][] {A, A, B}, A, C_MAJOR);

        EvaluationInterpolationPath report = stats.report();

        // h = (0, 1/2, 1) and (0, 0, 1)
        assertThat(report.hammingToA()).containsExactly(0.0, 0.25, 1.0);
        // |1 − 2·½ + 0| = 0 and |1 − 0 + 0| = 1
        assertThat(report.meanAbsSecondDifference()).isEqualTo(0.5);
        // largest neighbour steps ½ and 1
        assertThat(report.meanLargestStep()).isEqualTo(0.75);
        // C4 is in C major, C#4 is not: point 1 holds 2 + 4 C4s of 8 notes
        assertThat(report.inKeyByPoint()).containsExactly(1.0, 0.75, 0.0);
        assertThat(report.inKey()).isEqualTo(0.75);
    }

    @Test
    void pointsWithoutNotesHaveNoInKeyShare() {
        PathStatistics stats = new PathStatistics(3);
        stats.add(new int[][] {A, new int[4], B}, A, C_MAJOR);

        EvaluationInterpolationPath report = stats.report();

        assertThat(report.inKeyByPoint().get(1)).isNaN();
        assertThat(report.inKey()).isNaN();
        // h = (0, 1, 1): the silent middle differs from A everywhere
        assertThat(report.meanAbsSecondDifference()).isEqualTo(1.0);
    }
}
