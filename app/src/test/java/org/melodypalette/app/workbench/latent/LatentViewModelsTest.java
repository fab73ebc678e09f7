package org.melodypalette.app.workbench.latent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.melodypalette.app.workbench.model.ModelSession;
import org.melodypalette.app.workbench.task.DirectTaskRunner;
import org.melodypalette.app.workbench.task.StatusLine;
import org.melodypalette.app.workbench.testing.FakeMelodyGenerator;
import org.melodypalette.app.workbench.testing.ManualTaskRunner;
import org.melodypalette.music.Melody;
import org.melodypalette.music.Note;
import org.melodypalette.music.TimeGrid;

/** UI behaviour of the latent tools against a stand-in model: busy flags, coalescing, errors. */
class LatentViewModelsTest {

    private static final Melody LOW = Melody.of(TimeGrid.SIXTEENTHS_4_4, 32, List.of(Note.of(48, 0, 4)));
    private static final Melody HIGH = Melody.of(TimeGrid.SIXTEENTHS_4_4, 32,
            List.of(Note.of(72, 0, 4), Note.of(74, 4, 8), Note.of(76, 8, 12), Note.of(77, 12, 16)));

    private final StatusLine status = new StatusLine();
    private final FakeMelodyGenerator generator = new FakeMelodyGenerator();

    private ModelSession openSession(org.melodypalette.app.workbench.task.TaskRunner runner) {
        ModelSession session = new ModelSession(runner, dir -> generator, status);
        session.open(Path.of("fake"), () -> { });
        return session;
    }

    /** The interpolation view model on a session whose model has opened (the runner has run the opening). */
    private InterpolationViewModel interpolationOnOpenModel(ManualTaskRunner runner) {
        ModelSession session = openSession(runner);
        runner.runAll();
        return new InterpolationViewModel(session, runner, status);
    }

    @Test
    void withoutAModelTheUserIsToldHowToLoadOne() {
        ModelSession session = new ModelSession(new DirectTaskRunner(), dir -> generator, status);
        InterpolationViewModel model = new InterpolationViewModel(session, new DirectTaskRunner(), status);
        model.setSlotA(LOW);
        model.setSlotB(HIGH);

        model.interpolate();

        assertThat(status.getMessage()).contains(ModelSession.NO_MODEL);
        assertThat(status.errorProperty().get()).isTrue();
        assertThat(model.stripProperty().get()).isEmpty();
    }

    @Test
    void interpolationFillsTheStripAndShowsBusyWhileRunning() {
        ManualTaskRunner runner = new ManualTaskRunner();
        InterpolationViewModel model = interpolationOnOpenModel(runner);
        model.restoreSlots(LOW, HIGH);
        model.stepsProperty().set(5);

        model.interpolate();
        assertThat(model.stripBusyProperty().get()).isTrue();
        runner.runAll();

        assertThat(model.stripBusyProperty().get()).isFalse();
        List<Melody> strip = model.stripProperty().get();
        assertThat(strip).hasSize(5);
        assertThat(strip.get(0).notes().get(0).pitch()).isLessThan(strip.get(4).notes().get(0).pitch());
    }

    @Test
    void draggingTheSliderDecodesOnlyTheNewestPosition() {
        ManualTaskRunner runner = new ManualTaskRunner();
        InterpolationViewModel model = interpolationOnOpenModel(runner);
        model.restoreSlots(LOW, HIGH);

        for (double t = 0.1; t <= 1.0; t += 0.1) {
            model.positionProperty().set(t);
        }
        runner.runAll();

        assertThat(generator.decodeCalls.get()).as("first position and the newest one").isEqualTo(2);
        assertThat(generator.encodeCalls.get()).as("A and B are encoded once and cached").isEqualTo(1);
        assertThat(model.sliderMelodyProperty().get().notes()).as("the newest position, near B, is shown")
                .hasSize(4).first().extracting(Note::pitch).isEqualTo(75);
        assertThat(model.sliderBusyProperty().get()).isFalse();
        assertThat(model.latency().count()).isEqualTo(2);
        assertThat(model.latency().summaryProperty().get()).startsWith("decode p50");
    }

    @Test
    void theLatencyMeterCountsSliderMovesNotSlotChanges() {
        ManualTaskRunner runner = new ManualTaskRunner();
        InterpolationViewModel model = interpolationOnOpenModel(runner);

        model.setSlotA(LOW);
        model.setSlotB(HIGH);
        runner.runAll();
        assertThat(model.sliderMelodyProperty().get()).as("a slot change decodes the slider").isNotNull();
        assertThat(model.latency().count()).isZero();

        model.positionProperty().set(0.7);
        runner.runAll();
        assertThat(model.latency().count()).isEqualTo(1);
    }

    @Test
    void sliderAtBDecodesBsCode() {
        ModelSession session = openSession(new DirectTaskRunner());
        InterpolationViewModel model = new InterpolationViewModel(session, new DirectTaskRunner(), status);
        model.restoreSlots(LOW, HIGH);

        model.positionProperty().set(1.0);

        assertThat(model.sliderMelodyProperty().get().notes()).hasSize(4);
        assertThat(model.sliderMelodyProperty().get().notes().get(0).pitch()).isEqualTo(75);
    }

    @Test
    void modelFailuresBecomeAStatusMessageAndClearBusy() {
        ModelSession session = openSession(new DirectTaskRunner());
        InterpolationViewModel model = new InterpolationViewModel(session, new DirectTaskRunner(), status);
        model.restoreSlots(LOW, HIGH);
        generator.failWith = new IllegalStateException("weights are corrupt");

        model.interpolate();

        assertThat(status.getMessage()).isEqualTo("Cannot interpolate: weights are corrupt");
        assertThat(model.stripBusyProperty().get()).isFalse();
    }

    @Test
    void thePaletteFillsCornersWithSamplesAndBlendsAGrid() {
        ModelSession session = openSession(new DirectTaskRunner());
        PaletteViewModel palette = new PaletteViewModel(session, new DirectTaskRunner(), status);
        palette.setCorner(0, LOW);
        palette.gridSizeProperty().set(3);

        palette.fillEmptyCornersWithSamples();

        assertThat(palette.isComplete()).isTrue();
        assertThat(palette.cornersProperty().get().get(0)).isEqualTo(LOW);
        assertThat(palette.gridProperty().get()).hasSize(9);
        palette.pick(0, 0);
        assertThat(palette.pointMelodyProperty().get()).isEqualTo(palette.gridProperty().get().get(0));
        assertThat(palette.pointProperty().get()).containsExactly(0.0, 0.0);
    }

    @Test
    void generateSamplesVariationsAndAttributes() {
        ModelSession session = openSession(new DirectTaskRunner());
        GenerateViewModel generate = new GenerateViewModel(session, status, 42);
        generate.countProperty().set(3);

        generate.sample();
        assertThat(generate.resultsProperty().get()).hasSize(3);
        assertThat(status.getMessage()).isEqualTo("Sampled 3 melodies (seed 42)");

        generate.variationsOf(LOW);
        assertThat(generate.resultsProperty().get()).hasSize(3);
        List<Melody> variations = generate.resultsProperty().get();

        generate.applyAttribute(LOW, "pitch_height", 1.0);
        // The moved clip comes first; the variations stay behind it.
        assertThat(generate.resultsProperty().get()).hasSize(4);
        assertThat(generate.resultsProperty().get().get(0).notes().get(0).pitch()).isEqualTo(60);
        assertThat(generate.resultsProperty().get().subList(1, 4)).isEqualTo(variations);
        assertThat(generate.captionsProperty().get()).containsExactly("Pitch height +1.0", "#1", "#2", "#3");
    }

    @Test
    void switchingModelsClosesTheOldOneAfterPendingWork() {
        ManualTaskRunner runner = new ManualTaskRunner();
        FakeMelodyGenerator second = new FakeMelodyGenerator();
        FakeMelodyGenerator[] next = {generator, second};
        int[] opened = {0};
        ModelSession session = new ModelSession(runner, dir -> next[opened[0]++], status);
        session.open(Path.of("one"), () -> { });
        runner.runAll();
        session.open(Path.of("two"), () -> { });
        runner.runAll();

        assertThat(generator.closed).isTrue();
        assertThat(second.closed).isFalse();
        assertThat(session.checkpointProperty().get()).isEqualTo(Path.of("two"));
    }

    @Test
    void whenTheModelInfoArrivesItsFolderIsAlreadySet() {
        ManualTaskRunner runner = new ManualTaskRunner();
        ModelSession session = new ModelSession(runner, dir -> generator, status);
        List<Path> folderSeenWithInfo = new ArrayList<>();
        session.infoProperty().addListener((obs, old, now) -> folderSeenWithInfo.add(session.checkpointProperty().get()));

        session.open(Path.of("one"), () -> { });
        runner.runAll();

        assertThat(folderSeenWithInfo).containsExactly(Path.of("one"));
    }
}
