package org.melodypalette.model.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melodypalette.model.api.EvaluationReport;
import org.melodypalette.model.api.EvaluationSplit;
import org.melodypalette.model.api.TrainingListener;
import org.melodypalette.model.api.TrainingOptions;
import org.melodypalette.model.api.TrainingProgress;
import org.melodypalette.model.api.TrainingResult;
import org.melodypalette.model.train.TrainingFixtures;
import org.melodypalette.testing.SharedData;

class TrainingRunTest {

    @TempDir
    Path dir;

    /** Records every callback. */
    private static final class Recorder implements TrainingListener {
        final List<TrainingProgress> progress = new ArrayList<>();
        final List<EvaluationReport> evaluations = new ArrayList<>();
        final List<Long> checkpoints = new ArrayList<>();

        @Override
        public void onProgress(TrainingProgress p) {
            progress.add(p);
        }

        @Override
        public void onEvaluation(EvaluationReport report) {
            evaluations.add(report);
        }

        @Override
        public void onCheckpoint(Path folder, long step) {
            checkpoints.add(step);
        }
    }

    private TrainingOptions options(Path data, long steps) {
        return TrainingOptions.preset("tiny-test", data, dir.resolve("run")).withSteps(steps).withIntervals(2, 3, 0)
                .withSeed(5);
    }

    @Test
    void startsResumesReportsAndEvaluates() throws IOException {
        Path data = TrainingFixtures.datasetFile(dir, 6, 3, 4);
        Recorder first = new Recorder();

        TrainingResult started = TrainingRun.run(options(data, 3), first);

        assertThat(started.step()).isEqualTo(3);
        assertThat(first.progress).extracting(TrainingProgress::step).containsExactly(1L, 2L, 3L);
        assertThat(first.progress.get(2).totalSteps()).isEqualTo(3);
        assertThat(first.progress.get(2).loss()).isPositive();
        assertThat(first.checkpoints).containsExactly(2L, 3L);
        assertThat(first.evaluations).extracting(EvaluationReport::windows).containsExactly(3);

        Recorder second = new Recorder();
        TrainingResult resumed = TrainingRun.run(options(data, 5).withResume(true), second);

        assertThat(resumed.step()).isEqualTo(5);
        assertThat(second.progress).extracting(TrainingProgress::step).containsExactly(4L, 5L);
        assertThat(second.progress.get(1).elapsedSeconds()).isGreaterThan(first.progress.get(2).elapsedSeconds());

        EvaluationReport report = Evaluation.evaluate(resumed.checkpoint(), data, EvaluationSplit.EVAL);
        assertThat(report.step()).isEqualTo(5);
        assertThat(report.windows()).isEqualTo(3);
        assertThat(report.teacherForcedAccuracy()).isBetween(0.0, 1.0);
        assertThat(report.sampledAccuracy()).isBetween(0.0, 1.0);
        assertThat(report.elbo()).isCloseTo(-(report.reconstruction() + report.kl()), Offset.offset(1e-9));
        assertThat(Evaluation.evaluate(resumed.checkpoint(), data, EvaluationSplit.EVAL)).isEqualTo(report);
        assertThat(Evaluation.evaluate(resumed.checkpoint(), data, EvaluationSplit.ALL).windows()).isEqualTo(9);
    }

    @Test
    void aWarmStartGoesOnFromTheOtherCheckpointsWeightsAndStep() throws IOException {
        Path data = TrainingFixtures.datasetFile(dir, 6, 3, 4);
        TrainingResult first = TrainingRun.run(options(data, 3), new Recorder());
        Path source = dir.resolve("source");
        Files.move(first.checkpoint(), source);
        Recorder resumed = new Recorder();
        Files.createDirectories(dir.resolve("run"));
        copyFolder(source, dir.resolve("run"));
        TrainingRun.run(options(data, 5).withResume(true), resumed);

        Recorder warm = new Recorder();
        TrainingOptions warmOptions = TrainingOptions.preset("tiny-test", data, dir.resolve("warm")).withSteps(5)
                .withIntervals(2, 3, 0).withSeed(5).withInitFrom(source);
        TrainingRun.run(warmOptions, warm);

        // Same weights, step, batch and schedules at step 4: the same loss and learning rate as resuming.
        assertThat(warm.progress).extracting(TrainingProgress::step).containsExactly(4L, 5L);
        assertThat(warm.progress.get(0).loss()).isEqualTo(resumed.progress.get(0).loss());
        assertThat(warm.progress.get(0).learningRate()).isEqualTo(resumed.progress.get(0).learningRate());
        // Resumed later, the warm-started run goes on although its Adam began after step 0.
        assertThat(TrainingRun.run(warmOptions.withSteps(6).withResume(true), new Recorder()).step()).isEqualTo(6);
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        try (var files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }

    @Test
    void aWarmStartFromAnotherArchitectureIsRefusedNamingTheFolder() throws IOException {
        Path data = TrainingFixtures.datasetFile(dir, 6, 3, 4);
        Path other = SharedData.require("magenta/checkpoints/mel_2bar_small_random");
        TrainingOptions warm = TrainingOptions.preset("tiny-test", data, dir.resolve("warm")).withInitFrom(other);

        assertThatThrownBy(() -> TrainingRun.run(warm, new Recorder()))
                .isInstanceOf(IOException.class).hasMessageStartingWith(other + ":");
    }

    @Test
    void anExistingCheckpointIsNeverOverwrittenWithoutResume() throws IOException {
        Path data = TrainingFixtures.datasetFile(dir, 4, 1, 4);
        TrainingRun.run(options(data, 1), new Recorder());

        assertThatThrownBy(() -> TrainingRun.run(options(data, 2), new Recorder()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("already holds a training checkpoint; resume it or choose another folder");
    }

    @Test
    void aFolderWithOtherFilesIsRefused() throws IOException {
        Path data = TrainingFixtures.datasetFile(dir, 4, 1, 4);
        Files.createDirectories(dir.resolve("run"));
        Files.writeString(dir.resolve("run").resolve("thesis.txt"), "precious");

        assertThatThrownBy(() -> TrainingRun.run(options(data, 1), new Recorder()))
                .hasMessageContaining("is not empty and holds no training checkpoint");
        assertThat(dir.resolve("run").resolve("thesis.txt")).hasContent("precious");
    }

    @Test
    void aDatasetOfTheWrongLengthIsRefusedWithBothNames() throws IOException {
        Path data = TrainingFixtures.datasetFile(dir, 4, 1, 16);

        assertThatThrownBy(() -> TrainingRun.run(options(data, 1), new Recorder()))
                .hasMessageContaining(data.toString())
                .hasMessageContaining("windows have 32 steps but tiny-test needs 8");
    }

    @Test
    void evaluatesAMagentaJsCheckpoint() throws IOException {
        Path magenta = SharedData.require("magenta/checkpoints/mel_2bar_small_random");
        Path data = TrainingFixtures.datasetFile(dir, 2, 3, 16);

        EvaluationReport report = Evaluation.evaluate(magenta, data, EvaluationSplit.EVAL);

        assertThat(report.windows()).isEqualTo(3);
        assertThat(report.step()).isZero();
        assertThat(report.kl()).isPositive();
    }
}
