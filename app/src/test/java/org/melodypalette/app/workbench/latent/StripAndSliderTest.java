package org.melodypalette.app.workbench.latent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.melodypalette.app.workbench.model.ModelSession;
import org.melodypalette.app.workbench.task.DirectTaskRunner;
import org.melodypalette.app.workbench.task.StatusLine;
import org.melodypalette.model.api.Interpolation;
import org.melodypalette.model.service.MelodyGenerators;
import org.melodypalette.music.Melody;
import org.melodypalette.music.Note;
import org.melodypalette.music.TimeGrid;

/**
 * On the bundled 2-bar model, the strip and the slider share one path: strip step i is the melody
 * the slider plays at position i/(n−1), for slerp and lerp, with the slots' refined codes.
 */
class StripAndSliderTest {

    /** Surefire runs in the module folder; the checkpoints sit at the repository root. */
    private static final Path CHECKPOINT = Path.of("..", "checkpoints", "mel_2bar").toAbsolutePath().normalize();

    private static final Melody A = Melody.of(TimeGrid.SIXTEENTHS_4_4, 32, List.of(Note.of(60, 0, 4),
            Note.of(62, 4, 8), Note.of(64, 8, 12), Note.of(67, 12, 16), Note.of(64, 16, 24), Note.of(60, 24, 32)));
    private static final Melody B = Melody.of(TimeGrid.SIXTEENTHS_4_4, 32, List.of(Note.of(72, 0, 2),
            Note.of(71, 2, 4), Note.of(69, 4, 6), Note.of(67, 6, 8), Note.of(69, 8, 12), Note.of(65, 12, 16),
            Note.of(64, 16, 20), Note.of(62, 20, 22), Note.of(60, 22, 32)));

    @Test
    void stripStepIIsTheSliderAtIOverNMinusOne() {
        StatusLine status = new StatusLine();
        DirectTaskRunner runner = new DirectTaskRunner();
        ModelSession session = new ModelSession(runner, MelodyGenerators::open, status);
        session.open(CHECKPOINT, () -> { });
        InterpolationViewModel model = new InterpolationViewModel(session, runner, status);
        model.restoreSlots(A, B);
        int n = 7;
        model.stepsProperty().set(n);

        for (Interpolation mode : Interpolation.values()) {
            model.modeProperty().set(mode);
            model.interpolate();
            List<Melody> strip = model.stripProperty().get();
            assertThat(strip).as(status.getMessage()).hasSize(n);
            for (int i = 0; i < n; i++) {
                model.positionProperty().set(i / (double) (n - 1));
                assertThat(model.sliderMelodyProperty().get()).as("%s step %d", mode, i).isEqualTo(strip.get(i));
            }
            assertThat(strip.stream().distinct().count()).as("the path moves").isGreaterThan(2);
        }
    }
}
