package org.melodypalette.model.eval;

import org.melodypalette.model.api.Hamming;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DataSpaceInterpolationTest {

    /** Every step a note-on, so every mix is already canonical and each B step shows. */
    private static int[] repeated(int label, int steps) {
        int[] window = new int[steps];
        Arrays.fill(window, label);
        return window;
    }

    @Test
    void theShareFromBIsTheRoundedPosition() {
        int[] counts = new int[11];
        for (int i = 0; i < 11; i++) {
            counts[i] = DataSpaceInterpolation.stepsFromB(i, 11, 32);
        }
        // i · 3.2 rounded, 1.6 → 2 and 4.8 → 5
        assertThat(counts).containsExactly(0, 3, 6, 10, 13, 16, 19, 22, 26, 29, 32);
        assertThat(DataSpaceInterpolation.stepsFromB(1, 5, 2)).isEqualTo(1);
    }

    @Test
    void eachPointTakesItsShareOfStepsFromBAndKeepsThePreviousOnes() {
        int[] a = repeated(41, 32);
        int[] b = repeated(45, 32);

        int[][] path = DataSpaceInterpolation.path(a, b, 11, new SplittableRandom(7));

        assertThat(path).hasNumberOfRows(11);
        assertThat(path[0]).containsExactly(a);
        assertThat(path[10]).containsExactly(b);
        for (int i = 0; i < 11; i++) {
            assertThat(Hamming.normalized(path[i], a) * 32).isEqualTo(DataSpaceInterpolation.stepsFromB(i, 11, 32));
            if (i > 0) {
                for (int t = 0; t < 32; t++) {
                    if (path[i - 1][t] == 45) {
                        assertThat(path[i][t]).as("point %d step %d", i, t).isEqualTo(45);
                    }
                }
            }
        }
    }

    @Test
    void theStepOrderComesFromTheGenerator() {
        int[] a = repeated(41, 32);
        int[] b = repeated(45, 32);

        int[][] first = DataSpaceInterpolation.path(a, b, 11, new SplittableRandom(7));
        int[][] again = DataSpaceInterpolation.path(a, b, 11, new SplittableRandom(7));
        int[][] other = DataSpaceInterpolation.path(a, b, 11, new SplittableRandom(8));

        assertThat(again).isDeepEqualTo(first);
        assertThat(other[5]).isNotEqualTo(first[5]);
    }

    @Test
    void mixesAreMadeCanonical() {
        // note-offs over silence change nothing audible: every point, endpoints included, drops them
        int[] a = {1, 1, 1, 1};
        int[] b = {1, 0, 1, 0};

        int[][] path = DataSpaceInterpolation.path(a, b, 3, new SplittableRandom(1));

        assertThat(path).isDeepEqualTo(new int[][] {{0, 0, 0, 0}, {0, 0, 0, 0}, {0, 0, 0, 0}});
    }

    @Test
    void permutationsHoldEveryStepOnce() {
        int[] order = DataSpaceInterpolation.permutation(32, new SplittableRandom(3));
        assertThat(Arrays.stream(order).sorted().toArray()).isEqualTo(java.util.stream.IntStream.range(0, 32).toArray());
    }
}
