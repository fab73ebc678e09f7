package org.melodypalette.model.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.melodypalette.model.api.EvaluationRealism;

class ContinuationRealismTest {

    /** 2-bar windows of random notes (labels 2..89 with holds in between), bar 1 primes, bar 2 is the tail. */
    private static List<int[]> windows(int count) {
        Random random = new Random(7);
        List<int[]> windows = new ArrayList<>();
        for (int w = 0; w < count; w++) {
            int[] labels = new int[32];
            for (int t = 0; t < 32; t += 2) {
                labels[t] = 40 + random.nextInt(20);
                labels[t + 1] = 1;
            }
            windows.add(labels);
        }
        return windows;
    }

    @Test
    void aContinuerThatWritesWhatReallyFollowedScoresExactlyTheDataHalves() {
        List<int[]> windows = windows(40);
        ContinuationRealism.Continuer oracle = (primer, steps, seed) -> {
            for (int[] window : windows) {
                if (Arrays.equals(Arrays.copyOf(window, primer.length), primer)) {
                    return Arrays.copyOfRange(window, primer.length, primer.length + steps);
                }
            }
            throw new AssertionError("unknown primer");
        };

        EvaluationRealism r = ContinuationRealism.evaluate(oracle, windows, 16, 16, 1.0, 0);

        assertThat(r.samples()).isEqualTo(20);
        assertThat(r.dataWindows()).isEqualTo(20);
        assertThat(r.pitchClass().overlap()).isEqualTo(r.pitchClass().ceilingOverlap());
        assertThat(r.interval().overlap()).isEqualTo(r.interval().ceilingOverlap());
        assertThat(r.silentSamples()).isZero();
    }

    @Test
    void aContinuerThatFallsSilentIsFarFromTheData() {
        ContinuationRealism.Continuer silence = (primer, steps, seed) -> new int[steps];

        EvaluationRealism r = ContinuationRealism.evaluate(silence, windows(40), 16, 16, 1.0, 0);

        assertThat(r.silentSamples()).isEqualTo(1.0);
        assertThat(r.noteDensity().overlap()).isLessThan(r.noteDensity().ceilingOverlap() - 0.5);
    }

    @Test
    void aPrimerThatIsNotWholeBarsShorterThanTheWindowIsRefused() {
        assertThatThrownBy(() -> ContinuationRealism.evaluate((p, s, seed) -> new int[s], windows(4), 32, 16, 1.0, 0))
                .hasMessageContaining("whole bars shorter");
    }
}
