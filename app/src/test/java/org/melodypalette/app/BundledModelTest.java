package org.melodypalette.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.melodypalette.app.workbench.WorkbenchOptions;
import org.melodypalette.app.workbench.model.ModelSession;
import org.melodypalette.model.api.DecodeOptions;
import org.melodypalette.model.api.Interpolation;
import org.melodypalette.model.api.LatentCodec;
import org.melodypalette.model.service.MelodyGenerators;
import org.melodypalette.music.Melody;

/**
 * The models committed in {@code checkpoints/}: {@code mel_2bar} is the one {@code ./palette} opens
 * with no arguments, {@code mel_16bar} the 16-bar one the Model menu offers. Each must load from its
 * folder alone, carry the attribute vectors the sliders use, and make melodies.
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

    @Test
    void theSixteenBarModelIsOfferedLoadsAndMakesPhrases() throws IOException {
        Path folder = HOME.resolve("checkpoints/mel_16bar");
        assertThat(ModelSession.bundledModels(HOME)).contains(folder);

        try (LatentCodec model = MelodyGenerators.open(folder)) {
            assertThat(model.info().bars()).isEqualTo(16);
            assertThat(model.info().attributes())
                    .contains("note_density", "pitch_height", "pitch_range", "syncopation", "rest_share");

            DecodeOptions sampling = DecodeOptions.sampling(DecodeOptions.DEFAULT_SAMPLING_TEMPERATURE, 1);
            List<Melody> samples = model.sample(4, sampling);
            // phrases, not a few held notes: notes start in most bars
            assertThat(samples).hasSize(4).allSatisfy(m -> {
                assertThat(m.lengthSteps()).isEqualTo(256);
                assertThat(m.notes()).hasSizeGreaterThanOrEqualTo(32);
                assertThat(m.notes().stream().mapToInt(n -> n.startStep() / 16).distinct().count())
                        .isGreaterThanOrEqualTo(12);
            });
            List<Melody> path = model.interpolate(samples.get(0), samples.get(1), 5, Interpolation.SLERP, true,
                    DecodeOptions.ARGMAX);
            assertThat(path).hasSize(5).allSatisfy(m -> assertThat(m.lengthSteps()).isEqualTo(256));
        }
    }
}
