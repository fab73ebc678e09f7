package org.melodypalette.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.melodypalette.model.api.ContinuationOptions;
import org.melodypalette.model.service.MelodyContinuer;
import org.melodypalette.music.Melody;
import org.melodypalette.music.Note;
import org.melodypalette.music.TimeGrid;

/**
 * {@code checkpoints/continue_4bar}, the continuation model {@code palette continue} and the Continue tab
 * open by default: it loads from its folder alone (checksums verified) and continues a melody with notes.
 */
class BundledContinuationModelTest {

    /** Surefire runs in the module folder; the checkpoints sit at the repository root. */
    private static final Path FOLDER = Path.of("..", "checkpoints", "continue_4bar").toAbsolutePath().normalize();

    @Test
    void theBundledContinuationModelContinuesAMelodyWithNotes() throws IOException {
        Melody primer = Melody.of(TimeGrid.SIXTEENTHS_4_4, 32, List.of(Note.of(67, 0, 4), Note.of(69, 4, 8),
                Note.of(71, 8, 12), Note.of(72, 12, 16), Note.of(74, 16, 24), Note.of(72, 24, 28), Note.of(71, 28, 32)));

        try (MelodyContinuer model = MelodyContinuer.open(FOLDER)) {
            assertThat(model.step()).isPositive();
            List<Melody> continued = model.continueMelody(primer, 2, ContinuationOptions.of(4, 1.0, 0.95, 7));

            assertThat(continued).hasSize(4);
            Set<List<Note>> tails = new HashSet<>();
            for (Melody m : continued) {
                assertThat(m.lengthSteps()).isEqualTo(64);
                assertThat(m.notes()).startsWith(primer.notes().subList(0, 6).toArray(Note[]::new));
                List<Note> tail = m.notes().stream().filter(n -> n.startStep() >= 32).toList();
                assertThat(tail).as("notes in the two new bars").hasSizeGreaterThanOrEqualTo(2);
                tails.add(tail);
            }
            assertThat(tails).hasSizeGreaterThan(1);
        }
    }
}
