package org.melodypalette.app.workbench.latent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melodypalette.app.testing.TinyModels;
import org.melodypalette.app.workbench.model.ModelSession;
import org.melodypalette.app.workbench.task.DirectTaskRunner;
import org.melodypalette.app.workbench.task.StatusLine;
import org.melodypalette.model.api.DecodeOptions;
import org.melodypalette.model.api.Interpolation;
import org.melodypalette.model.api.LatentCode;
import org.melodypalette.model.api.LatentCodec;
import org.melodypalette.model.service.MelodyGenerators;
import org.melodypalette.music.Melody;
import org.melodypalette.music.Note;

/**
 * On a tiny random-weight hierarchical model, the workbench's slots, palette corners and variations hold
 * per-bar codes (z and an offset per bar): the slider's ends and the strip's end cards play A and B
 * themselves, the palette's corners are the corner melodies, and variations at full similarity are the
 * clip, for melodies that decoding z alone does not give back. A melody the model cannot give back is
 * named on the status line wherever its code is used. A flat model's codes carry no offsets.
 */
class PerBarCodesTest {

    @TempDir
    Path dir;

    private final StatusLine status = new StatusLine();
    private final DirectTaskRunner runner = new DirectTaskRunner();

    @Test
    void theSliderAndTheStripStartOnAAndEndOnB() throws Exception {
        ModelSession session = open(TinyModels.write(dir, true, 13));
        List<Melody> ab = melodies(session, 2);
        InterpolationViewModel model = new InterpolationViewModel(session, runner, status);
        model.restoreSlots(ab.get(0), ab.get(1));
        int n = 5;
        model.stepsProperty().set(n);

        List<LatentCode> codes = call(session, m -> m.encode(ab));
        assertThat(codes).as("the slots' codes carry bar offsets").allMatch(LatentCode::hasBarOffsets);
        List<Melody> fromZ = call(session, m -> m.generator().decode(codes.stream().map(LatentCode::z).toList(),
                DecodeOptions.ARGMAX));
        assertThat(fromZ).as("z alone does not give both back").isNotEqualTo(ab);
        for (Interpolation mode : Interpolation.values()) {
            model.modeProperty().set(mode);
            model.interpolate();
            List<Melody> strip = model.stripProperty().get();
            assertThat(strip).as(status.getMessage()).hasSize(n);
            assertThat(strip.get(0)).as("%s: the strip starts on A", mode).isEqualTo(ab.get(0));
            assertThat(strip.get(n - 1)).as("%s: the strip ends on B", mode).isEqualTo(ab.get(1));
            assertThat(status.getMessage()).doesNotContain("not given back");
            for (int i = 0; i < n; i++) {
                model.positionProperty().set(i / (double) (n - 1));
                assertThat(model.sliderMelodyProperty().get()).as("%s step %d", mode, i).isEqualTo(strip.get(i));
            }
        }
    }

    @Test
    void theStatusSaysWhichSlotIsNotGivenBack() throws Exception {
        ModelSession session = open(TinyModels.write(dir, true, 13));
        Melody b = melodies(session, 1).get(0);
        Melody a = notGivenBack(b);
        InterpolationViewModel model = new InterpolationViewModel(session, runner, status);
        model.restoreSlots(a, b);

        model.interpolate();

        assertThat(model.stripProperty().get()).as(status.getMessage()).isNotEmpty();
        assertThat(model.stripProperty().get().get(0)).as("the premise: A cannot be given back").isNotEqualTo(a);
        assertThat(status.getMessage()).contains("A is not given back exactly").doesNotContain("B is");
    }

    @Test
    void thePalettesCornersAreTheCornerMelodies() throws Exception {
        ModelSession session = open(TinyModels.write(dir, true, 13));
        List<Melody> corners = melodies(session, 4);
        PaletteViewModel palette = new PaletteViewModel(session, runner, status);
        for (int c = 0; c < 4; c++) {
            palette.setCorner(c, corners.get(c));
        }
        palette.gridSizeProperty().set(3);

        palette.blend();

        List<Melody> grid = palette.gridProperty().get();
        assertThat(grid).as(status.getMessage()).hasSize(9);
        assertThat(List.of(grid.get(0), grid.get(2), grid.get(6), grid.get(8))).isEqualTo(corners);
        assertThat(status.getMessage()).doesNotContain("not given back");
        palette.pick(1, 1);
        assertThat(palette.pointMelodyProperty().get()).isEqualTo(corners.get(3));

        palette.setPath(PalettePath.parse("0,0 1,1"));
        palette.pathLoopsProperty().set(2);
        palette.pathBarsPerLoopProperty().set(2);
        List<Melody> lane = new ArrayList<>();
        palette.pathToLane(lane::addAll);
        assertThat(lane).as(status.getMessage()).containsExactly(corners.get(0), corners.get(3));
        assertThat(status.getMessage()).doesNotContain("not given back");
    }

    @Test
    void theGridAndAPathSayWhichCornerIsNotGivenBack() throws Exception {
        ModelSession session = open(TinyModels.write(dir, true, 13));
        List<Melody> corners = new ArrayList<>(melodies(session, 3));
        corners.add(notGivenBack(corners.get(0)));
        PaletteViewModel palette = new PaletteViewModel(session, runner, status);
        for (int c = 0; c < 4; c++) {
            palette.setCorner(c, corners.get(c));
        }
        palette.gridSizeProperty().set(2);

        palette.blend();

        assertThat(palette.gridProperty().get()).as(status.getMessage()).hasSize(4);
        assertThat(palette.gridProperty().get().get(3)).as("the premise: the corner cannot be given back")
                .isNotEqualTo(corners.get(3));
        assertThat(status.getMessage()).contains("Bottom-right corner is not given back exactly")
                .doesNotContain("Top-left corner");

        palette.setPath(PalettePath.parse("0,0 1,1"));
        palette.pathLoopsProperty().set(2);
        palette.pathBarsPerLoopProperty().set(2);
        List<Melody> lane = new ArrayList<>();
        palette.pathToLane(lane::addAll);

        assertThat(lane).as(status.getMessage()).hasSize(2);
        assertThat(status.getMessage()).startsWith("The lane holds the path")
                .contains("Bottom-right corner is not given back exactly").doesNotContain("Top-left corner");
    }

    @Test
    void variationsKeepTheClipsBarOffsets() throws Exception {
        ModelSession session = open(TinyModels.write(dir, true, 13));
        Melody clip = melodies(session, 1).get(0);
        GenerateViewModel generate = new GenerateViewModel(session, status, 1);
        generate.temperatureProperty().set(0);
        generate.countProperty().set(2);
        generate.similarityProperty().set(1);

        generate.variationsOf(clip);

        assertThat(generate.resultsProperty().get()).as(status.getMessage()).containsExactly(clip, clip);
        assertThat(status.getMessage()).doesNotContain("not given back");
    }

    @Test
    void variationsSayWhenTheClipIsNotGivenBack() throws Exception {
        ModelSession session = open(TinyModels.write(dir, true, 13));
        Melody clip = notGivenBack(melodies(session, 1).get(0));
        GenerateViewModel generate = new GenerateViewModel(session, status, 1);
        generate.temperatureProperty().set(0);
        generate.countProperty().set(2);
        generate.similarityProperty().set(1);

        generate.variationsOf(clip);

        assertThat(generate.resultsProperty().get()).as(status.getMessage()).hasSize(2);
        assertThat(generate.resultsProperty().get().get(0)).as("the premise: the clip's code plays another melody")
                .isNotEqualTo(clip);
        assertThat(status.getMessage()).startsWith("Made 2 variations of the clip")
                .contains("The clip is not given back exactly");
    }

    @Test
    void aFlatModelsCodesAreZAlone() throws Exception {
        ModelSession session = open(TinyModels.write(dir, false, 14));
        Melody melody = call(session, m -> m.generator().sample(1, DecodeOptions.ARGMAX)).get(0);

        assertThat(call(session, m -> m.encode(List.of(melody))).get(0).hasBarOffsets()).isFalse();
    }

    /** Two bars of sixteenths leaping between C4 and G5, which the tiny model's refinement does not give back. */
    private static Melody notGivenBack(Melody like) {
        List<Note> notes = new ArrayList<>();
        for (int step = 0; step < 32; step++) {
            notes.add(Note.of(step % 2 == 0 ? 60 : 79, step, step + 1));
        }
        return Melody.of(like.grid(), 32, notes);
    }

    private ModelSession open(Path checkpoint) {
        ModelSession session = new ModelSession(runner, MelodyGenerators::open, status);
        session.open(checkpoint, () -> { });
        assertThat(session.hasModel()).as(status.getMessage()).isTrue();
        return session;
    }

    private static List<Melody> melodies(ModelSession session, int n) throws Exception {
        return call(session, m -> TinyModels.refinableMelodies((LatentCodec) m.generator(), n, 5));
    }

    private static <T> T call(ModelSession session, ModelSession.ModelCall<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        session.call(work, result::complete, result::completeExceptionally);
        return result.get(60, TimeUnit.SECONDS);
    }
}
