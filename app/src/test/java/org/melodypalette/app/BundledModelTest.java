package org.melodypalette.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.melodypalette.app.workbench.WorkbenchOptions;
import org.melodypalette.model.api.DecodeOptions;
import org.melodypalette.model.api.LatentCodec;
import org.melodypalette.model.api.MelodyGenerators;
import org.melodypalette.music.Melody;

/**
 * The model committed in {@code checkpoints/mel_2bar} is the one {@code ./palette} opens with no
 * arguments: it must load from that folder alone, carry the attribute vectors the sliders use,
 * and make melodies.
 */
class BundledModelTest {

    /** Surefire runs in the module folder; the checkpoints sit at the repository root. */
    private static final Path HOME = Path.of("..").toAbsolutePath().normalize();

    @Test
    void theDefaultModelLoadsAndMakesMelodies() throws IOException {
        Path folder = WorkbenchOptions.bundledModel(HOME);

        try (LatentCodec model = MelodyGenerators.open(folder)) {
            assertThat(model.info().bars()).isEqualTo(2);
            assertThat(model.info().attributes())
                    .contains("note_density", "pitch_height", "pitch_range", "syncopation", "rest_share");

            List<Melody> samples = model.sample(8, DecodeOptions.sampling(0.5, 1));
            assertThat(samples).hasSize(8).allSatisfy(m -> assertThat(m.lengthSteps()).isEqualTo(32));
            assertThat(samples.stream().filter(m -> !m.notes().isEmpty()).count()).isGreaterThanOrEqualTo(6);

            Melody denser = model.applyAttribute(samples.get(0), "note_density", 2.0, DecodeOptions.ARGMAX);
            Melody sparser = model.applyAttribute(samples.get(0), "note_density", -2.0, DecodeOptions.ARGMAX);
            assertThat(denser.notes().size()).isGreaterThan(sparser.notes().size());
        }
    }
}
