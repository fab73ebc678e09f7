package org.melodypalette.model.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MorphPathTest {

    /** A one-step "melody" per fine point; {@code changesAt} lists the fine indices where it takes the next label. */
    private static int[][] fineMelodies(int count, int steps, int[] flipAt) {
        int[][] fine = new int[count][steps];
        for (int j = 0; j < count; j++) {
            for (int s = 0; s < steps; s++) {
                fine[j][s] = j >= flipAt[s] ? 1 : 0;
            }
        }
        return fine;
    }

    @Test
    void uniformPointsAreEvenInT() {
        MorphPath path = MorphPath.uniform(5);

        assertThat(path.t()).containsExactly(0, 0.25, 0.5, 0.75, 1);
        assertThat(path.at(0.375)).isEqualTo(0.375);
    }

    @Test
    void evenChangeSpreadsStepsThatFlipInAClusterOverTheMorph() {
        // 3 points, 49 fine points; 4 steps, all flipping between fine points 26 and 40: uniform spacing
        // (fine points 0, 24, 48) puts all 4 changes into one neighbour pair.
        int n = 3;
        int count = MorphPath.finePoints(n);
        int[][] fine = fineMelodies(count, 4, new int[] {26, 28, 38, 40});

        MorphPath path = MorphPath.evenChange(fine, n);

        // The middle point halfway through the cluster: two steps change on each side.
        assertThat(count).isEqualTo(49);
        assertThat(path.t(1)).isBetween(28 / 48.0, 37 / 48.0);
        assertThat(path.t(0)).isZero();
        assertThat(path.t(2)).isEqualTo(1.0);
    }

    @Test
    void evenChangeStepsOverAMelodyThatAppearsOnlyBriefly() {
        int n = 2 + 1;
        int count = MorphPath.finePoints(n);
        int[][] fine = new int[count][4];
        for (int j = 0; j < count; j++) {
            fine[j] = j < 24 ? new int[] {0, 0, 0, 0} : new int[] {1, 1, 0, 0};
        }
        fine[5] = new int[] {9, 9, 9, 9}; // an excursion: every step different, for one fine point

        MorphPath path = MorphPath.evenChange(fine, n);

        for (int i = 0; i < n; i++) {
            assertThat(path.t(i)).isNotEqualTo(5 / (double) (count - 1));
        }
    }

    @Test
    void midpointsSplitAJumpThatTheEvenlySpacedMelodiesSeeAsOne() {
        // 3 points, 49 fine points at t = j/48; 4 steps flip inside the fine interval (0.5, 0.521): evenly
        // spaced melodies see one jump of all 4 steps, the midpoints find the flips.
        int n = 3;
        double[] flips = {0.502, 0.506, 0.510, 0.514};
        java.util.function.Function<double[], int[][]> heardAt = t -> {
            int[][] heard = new int[t.length][flips.length];
            for (int j = 0; j < t.length; j++) {
                for (int s = 0; s < flips.length; s++) {
                    heard[j][s] = t[j] >= flips[s] ? 1 : 0;
                }
            }
            return heard;
        };

        MorphPath even = MorphPath.evenInHearing(n, heardAt);

        assertThat(even.t(1)).isBetween(0.506, 0.510);
        assertThat(even.t(0)).isZero();
        assertThat(even.t(2)).isEqualTo(1.0);
        // The evenly spaced melodies alone leave the middle point on one side of the jump.
        int count = MorphPath.finePoints(n);
        int[][] fine = heardAt.apply(MorphPath.uniform(count).t());
        double middle = MorphPath.evenChange(fine, n).t(1);
        assertThat(middle < 0.502 || middle > 0.514).isTrue();
    }

    @Test
    void theSliderPassesThroughEveryPointOfTheStrip() {
        int n = 7;
        int[][] fine = fineMelodies(MorphPath.finePoints(n), 8, new int[] {3, 4, 5, 30, 31, 32, 60, 70});
        MorphPath path = MorphPath.evenChange(fine, n);

        for (int i = 0; i < n; i++) {
            assertThat(path.at(i / (double) (n - 1))).isEqualTo(path.t(i));
        }
        assertThat(path.at(-1)).isZero();
        assertThat(path.at(2)).isEqualTo(1.0);
    }

    @Test
    void longMorphsChooseFromFewerFinePointsPerStep() {
        assertThat(MorphPath.finePoints(21)).isEqualTo(481);
        assertThat(MorphPath.finePoints(2)).isEqualTo(25);
        assertThat(MorphPath.finePoints(101)).isEqualTo(401);
        assertThat(MorphPath.finePoints(256)).isEqualTo(511);
    }

    @Test
    void pointsMustRunFromZeroToOneInOrder() {
        assertThatThrownBy(() -> new MorphPath(new double[] {0, 0.5, 0.5, 1})).hasMessageContaining("increase");
        assertThatThrownBy(() -> new MorphPath(new double[] {0, 0.9})).hasMessageContaining("t = 1");
        assertThatThrownBy(() -> MorphPath.uniform(1)).hasMessageContaining("at least 2 points");
        assertThatThrownBy(() -> MorphPath.evenChange(new int[5][4], 3)).hasMessageContaining("49");
    }
}
