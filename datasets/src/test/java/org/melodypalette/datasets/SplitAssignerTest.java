package org.melodypalette.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.melodypalette.datasets.SplitAssigner.Split;

class SplitAssignerTest {

    @Test
    void sendsAboutTheAskedShareOfFilesToEvalAndIsStable() {
        SplitAssigner assigner = new SplitAssigner(0.1);
        int eval = 0;
        for (int i = 1; i <= 2000; i++) {
            if (assigner.splitOf(String.format("%03d/%03d.mid", i, i)) == Split.EVAL) {
                eval++;
            }
        }

        assertThat(eval).isBetween(150, 250);
        assertThat(new SplitAssigner(0.1).splitOf("042/042.mid")).isEqualTo(assigner.splitOf("042/042.mid"));
    }

    @Test
    void fnvHashMatchesTheReferenceValue() {
        // FNV-1a 64 of "a" from the algorithm's published test vectors.
        assertThat(SplitAssigner.fnv1a64("a")).isEqualTo(0xaf63dc4c8601ec8cL);
    }

    @Test
    void zeroFractionPutsEverythingInTrain() {
        assertThat(new SplitAssigner(0.0).splitOf("x.mid")).isEqualTo(Split.TRAIN);
    }
}
