package org.melodypalette.app.workbench.latent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.melodypalette.app.workbench.WorkbenchOptions;
import org.melodypalette.app.workbench.model.ModelSession;
import org.melodypalette.app.workbench.task.BackgroundTaskRunner;
import org.melodypalette.app.workbench.task.StatusLine;
import org.melodypalette.model.api.DecodeOptions;
import org.melodypalette.model.service.MelodyGenerators;
import org.melodypalette.music.Melody;
import org.melodypalette.music.Note;
import org.melodypalette.music.TimeGrid;
import org.melodypalette.testing.SharedData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drag-interpolation with a real model and the production executor: a 60 Hz drag of 180 moves
 * from A to B and back, once with the bundled {@code checkpoints/mel_2bar} (what the workbench
 * opens) and once with magenta.js's larger {@code mel_2bar_small_random}. Checks that the newest
 * position is always decoded in the end and that stale positions are skipped; records the
 * move-to-result latency (p50 / p95) in {@code target/slider-latency-<model>.txt} for the report.
 * No assertion on time.
 */
@ExtendWith(ApplicationExtension.class)
class SliderLatencyTest {

    private static final Logger LOG = LoggerFactory.getLogger(SliderLatencyTest.class);
    private static final int MOVES = 180;

    /** Surefire runs in the module folder; the bundled checkpoints sit at the repository root. */
    private static final Path HOME = Path.of("..").toAbsolutePath().normalize();

    static Stream<Arguments> models() {
        return Stream.of(Arguments.of("mel_2bar"), Arguments.of("mel_2bar_small_random"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void aDragDecodesTheFinalPositionAndSkipsStaleOnes(String name) throws Exception {
        Path checkpoint = name.equals("mel_2bar") ? WorkbenchOptions.bundledModel(HOME)
                : SharedData.require("magenta/checkpoints/" + name);
        BackgroundTaskRunner runner = new BackgroundTaskRunner();
        StatusLine status = new StatusLine();
        ModelSession session = new ModelSession(runner, dir -> {
            var codec = MelodyGenerators.open(dir);
            codec.warmUp();
            return codec;
        }, status);
        InterpolationViewModel[] model = new InterpolationViewModel[1];
        Platform.runLater(() -> {
            session.open(checkpoint, () -> { });
            model[0] = new InterpolationViewModel(session, runner, status);
            model[0].restoreSlots(melody(60), melody(72));
        });
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, session::hasModel);

        for (int i = 0; i <= MOVES; i++) {
            double t = i <= MOVES / 2 ? 2.0 * i / MOVES : 2.0 - 2.0 * i / MOVES;
            Platform.runLater(() -> model[0].positionProperty().set(t));
            Thread.sleep(16);
        }
        waitUntilIdle(model[0]);
        CompletableFuture<Melody> atA = new CompletableFuture<>();
        Platform.runLater(() -> session.call(m -> m.generator().decodeCodeMelodies(m.encode(List.of(melody(60))),
                DecodeOptions.ARGMAX).get(0), atA::complete, atA::completeExceptionally));
        assertThat(model[0].sliderMelodyProperty().get()).as("the final position (A) is what is shown")
                .isEqualTo(atA.get(60, TimeUnit.SECONDS));

        LatencyMeter meter = model[0].latency();
        String summary = String.format("slider drag, %d moves at 60 Hz, %s: %d decodes shown,"
                + " move-to-result p50 %.1f ms, p95 %.1f ms%n", MOVES + 1, name, meter.count(),
                meter.percentileMillis(50), meter.percentileMillis(95));
        LOG.info(summary.trim());
        Files.writeString(Path.of("target", "slider-latency-" + name + ".txt"), summary);
        assertThat(meter.count()).isBetween(1, MOVES + 1);
        assertThat(status.errorProperty().get()).isFalse();
        assertThat(model[0].sliderMelodyProperty().get()).isNotNull();
        runner.shutdown();
    }

    private static void waitUntilIdle(InterpolationViewModel model) throws TimeoutException {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !model.sliderBusyProperty().get()
                && model.positionProperty().get() == 0.0);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Melody melody(int base) {
        return Melody.of(TimeGrid.SIXTEENTHS_4_4, 32, List.of(Note.of(base, 0, 4), Note.of(base + 4, 4, 8),
                Note.of(base + 7, 8, 16), Note.of(base + 5, 16, 24), Note.of(base + 2, 24, 32)));
    }
}
