package org.melodypalette.model.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HistogramTest {

    private static Histogram of(long... counts) {
        return new Histogram(counts);
    }

    @Test
    void comparesNormalisedDistributions() {
        // p = (1/2, 1/2, 0), q = (0, 1/2, 1/2), m = (1/4, 1/2, 1/4):
        // overlap = 0 + 1/2 + 0; KL(p||m) = 1/2·log2(2) = 1/2 = KL(q||m), so JSD = 1/2
        Histogram p = of(2, 2, 0);
        Histogram q = of(0, 1, 1);
        assertThat(p.overlap(q)).isEqualTo(0.5);
        assertThat(p.jensenShannon(q)).isCloseTo(0.5, within(1e-15));
        assertThat(q.jensenShannon(p)).isCloseTo(0.5, within(1e-15));
    }

    @Test
    void unevenDistributionsHaveTheTextbookDivergence() {
        // p = (3/4, 1/4), q = (1/4, 3/4), m = (1/2, 1/2): JSD = 3/4·log2(3/2) + 1/4·log2(1/2)
        double expected = 0.75 * Math.log(1.5) / Math.log(2) + 0.25 * Math.log(0.5) / Math.log(2);
        assertThat(of(3, 1).jensenShannon(of(1, 3))).isCloseTo(expected, within(1e-15));
        assertThat(of(3, 1).overlap(of(1, 3))).isEqualTo(0.5);
    }

    @Test
    void sameShapeIsIdenticalWhateverTheTotals() {
        assertThat(of(1, 2, 0).overlap(of(3, 6, 0))).isCloseTo(1.0, within(1e-15));
        assertThat(of(1, 2, 0).jensenShannon(of(3, 6, 0))).isCloseTo(0.0, within(1e-15));
    }

    @Test
    void disjointDistributionsAreMaximallyApart() {
        assertThat(of(5, 0).overlap(of(0, 2))).isZero();
        assertThat(of(5, 0).jensenShannon(of(0, 2))).isEqualTo(1.0);
    }

    @Test
    void anEmptyHistogramMatchesOnlyAnotherEmptyOne() {
        assertThat(of(0, 0).overlap(of(1, 0))).isZero();
        assertThat(of(0, 0).jensenShannon(of(1, 0))).isEqualTo(1.0);
        assertThat(of(0, 0).overlap(of(0, 0))).isEqualTo(1.0);
        assertThat(of(0, 0).jensenShannon(of(0, 0))).isZero();
    }

    @Test
    void probabilitiesSumToOne() {
        assertThat(of(1, 3, 0, 4).probabilityList()).containsExactly(0.125, 0.375, 0.0, 0.5);
        assertThat(of(1, 3, 0, 4).total()).isEqualTo(8);
    }

    @Test
    void refusesBadCountsAndMismatchedBins() {
        assertThatThrownBy(() -> of(1, -1)).hasMessageContaining("bin 1 has a negative count -1");
        assertThatThrownBy(() -> of(1, 1).overlap(of(1, 1, 1))).hasMessageContaining("2 and 3 bins");
    }
}
