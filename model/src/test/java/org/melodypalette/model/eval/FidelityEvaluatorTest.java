package org.melodypalette.model.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.melodypalette.model.api.EvaluationFidelity;
import org.melodypalette.model.api.FidelityOptions;
import org.melodypalette.model.api.Interpolation;
import org.melodypalette.model.api.LatentCodec;
import org.melodypalette.model.service.MelodyGenerators;
import org.melodypalette.model.api.RefineOptions;

/**
 * The fidelity figures on the bundled 2-bar model and two folk melodies whose posterior means decode
 * wrongly: from the means no window is exact and the paths do not end on A and B; from refined codes
 * both windows are exact and every path starts on A and ends on B. The budget is generous so that the
 * outcome does not depend on the machine's speed.
 */
class FidelityEvaluatorTest {

    /** Surefire runs in the module folder; the bundled checkpoints sit at the repository root. */
    private static final Path BUNDLED_2BAR = Path.of("..", "checkpoints", "mel_2bar");

    /** The first two bars of "A Trip to Galway" and "Achonry Lasses" (cre-irish), canonical labels. */
    private static final List<int[]> WINDOWS = List.of(
            new int[] {55, 0, 52, 0, 48, 0, 45, 0, 45, 0, 48, 0, 45, 0, 45, 0, 48, 0, 52, 0, 55, 0, 54, 0, 55, 0, 50,
                    0, 47, 0, 43, 0},
            new int[] {43, 45, 0, 47, 48, 0, 0, 0, 48, 0, 52, 0, 50, 0, 47, 0, 47, 0, 0, 0, 55, 0, 52, 0, 53, 0, 50,
                    0, 52, 0, 48, 0});

    @Test
    void refinedCodesGiveTheWindowsBackAndPathsEndOnThem() throws IOException {
        FidelityOptions options = new FidelityOptions(4, 21, RefineOptions.DEFAULT.withBudgetMillis(600_000), true, 1);

        EvaluationFidelity f;
        try (LatentCodec codec = MelodyGenerators.open(BUNDLED_2BAR)) {
            f = FidelityEvaluator.evaluate(codec, WINDOWS, options, Interpolation.SLERP, 0L);
        }

        assertThat(f.windows()).isEqualTo(2);
        assertThat(f.refinedWindows()).isEqualTo(2);
        assertThat(f.mean().exact()).isZero();
        assertThat(f.mean().withinOne()).isEqualTo(1.0); // the step-36,250 model gets one step of each wrong
        assertThat(f.mean().steps()).isNull();
        assertThat(f.refined().exact()).isEqualTo(1.0);
        assertThat(f.refined().barsExact()).isEqualTo(1.0);
        assertThat(f.refined().steps().max()).isPositive().isLessThanOrEqualTo(300);
        assertThat(f.meanPaths().pairs()).isEqualTo(4);
        assertThat(f.meanPaths().endsEqual()).isZero();
        assertThat(f.refinedPaths().endsEqual()).isEqualTo(1.0);
        assertThat(f.refinedPaths().points()).isEqualTo(21);
        assertThat(f.refinedPaths().meanDistinct()).isBetween(2.0, 21.0);
        assertThat(f.refinedPaths().meanLargestChange()).isPositive()
                .isLessThanOrEqualTo(f.refinedPaths().worstLargestChange());
        // Even spacing chooses among fine points that include the uniform ones, so it is never rougher.
        assertThat(f.refinedEvenPaths().endsEqual()).isEqualTo(1.0);
        assertThat(f.refinedEvenPaths().points()).isEqualTo(21);
        assertThat(f.refinedEvenPaths().meanLargestChange()).isPositive()
                .isLessThanOrEqualTo(f.refinedPaths().meanLargestChange());
    }
}
