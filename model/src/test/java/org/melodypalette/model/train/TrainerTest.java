package org.melodypalette.model.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melodypalette.datasets.WindowDataset;
import org.melodypalette.model.api.EvaluationReport;
import org.melodypalette.model.api.EvaluationSplit;
import org.melodypalette.model.api.TrainingListener;
import org.melodypalette.model.api.TrainingProgress;
import org.melodypalette.model.api.TrainingResult;
import org.melodypalette.model.checkpoint.CheckpointChecksums;
import org.melodypalette.model.checkpoint.CheckpointException;
import org.melodypalette.model.checkpoint.WeightSet;
import org.melodypalette.model.checkpoint.WeightTensor;
import org.melodypalette.model.checkpoint.WeightsManifest;
import org.melodypalette.model.config.ComputeOptions;
import org.melodypalette.model.config.ModelConfig;
import org.melodypalette.model.config.ModelPresets;
import org.melodypalette.model.config.TrainingConfig.SamplingSchedule;
import org.melodypalette.model.data.MelodyTensors;
import org.melodypalette.model.graphtrain.TrainingEngines;
import org.melodypalette.model.net.MusicVaeGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class TrainerTest {

    private static final TrainingListener QUIET = new TrainingListener() {
    };

    @TempDir
    Path dir;

    /** A tiny preset with a learning rate high enough to fit a few windows in a few hundred steps. */
    private static ModelConfig fastTiny(String preset) {
        ModelConfig tiny = ModelPresets.byName(preset);
        return tiny.withTraining(tiny.training().withLearningRate(0.1, 1e-3, 0.99));
    }

    private Trainer.Settings settings(String folder, long steps, int checkpointInterval) {
        return new Trainer.Settings(dir.resolve(folder), steps, checkpointInterval, 3, 0, 2, 11, 2);
    }

    private void assertOverfits(String preset) throws IOException {
        WindowDataset data = TrainingFixtures.dataset(4, 0, 4);
        Trainer trainer = TrainingEngines.start(fastTiny(preset), data, settings("run", 300, 1000));
        EvaluationReport before = TrainingEngines.evaluate(trainer.config(), trainer.weights(), data.train(),
                EvaluationSplit.TRAIN, 0, 1, 8);

        trainer.run(QUIET);

        EvaluationReport after = TrainingEngines.evaluate(trainer.config(), trainer.weights(), data.train(),
                EvaluationSplit.TRAIN, 300, 1, 8);
        assertThat(after.reconstruction()).as("reconstruction loss before %s, after %s",
                before.reconstruction(), after.reconstruction()).isLessThan(before.reconstruction() / 10);
        assertThat(after.teacherForcedAccuracy()).isGreaterThan(0.75);
    }

    @Test
    void tinyFlatModelOverfitsASmallBatch() throws IOException {
        assertOverfits("tiny-test");
    }

    @Test
    void tinyHierarchicalModelOverfitsASmallBatch() throws IOException {
        assertOverfits("tiny-test-hier");
    }

    /**
     * The two ways of computing gradients are interchangeable in the live loop: 20 steps of the
     * hierarchical tiny model (clipping, Adam, scheduled sampling from step 0) end with the same
     * parameters, up to float rounding, whether the hand-written step or the graph computed them.
     */
    @Test
    void theHandWrittenStepTrainsAsTheGraphDoes() throws IOException {
        ModelConfig tiny = ModelPresets.byName("tiny-test-hier");
        ModelConfig sampled = tiny.withTraining(tiny.training().withSampling(SamplingSchedule.INVERSE_SIGMOID, 4));
        WindowDataset data = TrainingFixtures.dataset(8, 0, 4);
        Trainer handWritten = TrainingEngines.start(sampled, data, settings("backprop", 20, 1000));
        assertThat(handWritten.usesHandWrittenStep()).isTrue();
        handWritten.run(QUIET);
        Trainer graph = TrainingEngines.start(sampled, data, settings("graph", 20, 1000)
                .withCompute(ComputeOptions.AUTOMATIC.withEngine(ComputeOptions.Engine.GRAPH)));
        assertThat(graph.usesHandWrittenStep()).isFalse();
        graph.run(QUIET);

        WeightSet handWrittenWeights = handWritten.weights();
        for (WeightTensor expectedTensor : graph.weights().tensors()) {
            INDArray expected = Nd4j.create(expectedTensor.values());
            INDArray actual = Nd4j.create(handWrittenWeights.require(expectedTensor.name()).values());
            double scale = expected.amaxNumber().doubleValue();
            assertThat(actual.sub(expected).amaxNumber().doubleValue()).as(expectedTensor.name())
                    .isLessThan(1e-3 * scale);
        }
        String first = handWrittenWeights.tensors().iterator().next().name();
        assertThat(handWrittenWeights.require(first).values()).isNotEqualTo(
                TrainingEngines.start(sampled, data, settings("fresh", 20, 1000)).weights().require(first).values());
    }

    @Test
    void resumedRunEndsWithTheSameParametersAsAnUninterruptedOne() throws IOException {
        assertResumesExactly(ModelPresets.byName("tiny-test"));
    }

    /** k = 2: the teacher-forcing probability falls from 0.67 to 0.03 over the six steps. */
    @Test
    void resumedRunWithScheduledSamplingEndsWithTheSameParametersAsAnUninterruptedOne() throws IOException {
        ModelConfig tiny = ModelPresets.byName("tiny-test");
        ModelConfig sampled = tiny.withTraining(tiny.training().withSampling(SamplingSchedule.INVERSE_SIGMOID, 2));

        TrainingCheckpoint.Contents straight = assertResumesExactly(sampled);

        TrainingEngines.start(tiny, TrainingFixtures.dataset(10, 3, 4), settings("teacher-forced", 6, 6)).run(QUIET);
        assertThat(straight.weights()).isNotEqualTo(TrainingCheckpoint.read(dir.resolve("teacher-forced")).weights());
        assertThat(straight.metrics().history()).extracting(TrainingProgress::samplingProbability)
                .containsExactly(1 - 2 / (2 + Math.exp(0.5)), 1 - 2 / (2 + Math.exp(1.5)), 1 - 2 / (2 + Math.exp(2.5)));
    }

    private TrainingCheckpoint.Contents assertResumesExactly(ModelConfig config) throws IOException {
        WindowDataset data = TrainingFixtures.dataset(10, 3, 4);
        TrainingEngines.start(config, data, settings("straight", 6, 2)).run(QUIET);

        TrainingEngines.start(config, data, settings("interrupted", 4, 2)).run(QUIET);
        Trainer resumed = TrainingEngines.resume(data, settings("interrupted", 6, 2));
        assertThat(resumed.step()).isEqualTo(4);
        resumed.run(QUIET);

        TrainingCheckpoint.Contents straight = TrainingCheckpoint.read(dir.resolve("straight"));
        TrainingCheckpoint.Contents interrupted = TrainingCheckpoint.read(dir.resolve("interrupted"));
        assertThat(interrupted.state().step()).isEqualTo(6);
        assertThat(interrupted.weights()).isEqualTo(straight.weights());
        assertThat(Files.readAllBytes(dir.resolve("interrupted").resolve(AdamOptimizer.FILE_NAME)))
                .isEqualTo(Files.readAllBytes(dir.resolve("straight").resolve(AdamOptimizer.FILE_NAME)));
        assertThat(interrupted.metrics().evaluations()).extracting(EvaluationReport::step).containsExactly(3L, 6L);
        return straight;
    }

    /** Checkpoints written before scheduled sampling have no samplingProbability in their history. */
    @Test
    void aCheckpointWhoseHistoryPredatesScheduledSamplingResumes() throws IOException {
        WindowDataset data = TrainingFixtures.dataset(10, 3, 4);
        ModelConfig tiny = ModelPresets.byName("tiny-test");
        ModelConfig sampled = tiny.withTraining(tiny.training().withSampling(SamplingSchedule.INVERSE_SIGMOID, 2));
        TrainingEngines.start(sampled, data, settings("run", 2, 2)).run(QUIET);
        Path metrics = dir.resolve("run").resolve(TrainingMetrics.FILE_NAME);
        String withoutField = Files.readString(metrics).replaceAll(",\\s*\"samplingProbability\"\\s*:\\s*[0-9.eE+-]+", "");
        assertThat(withoutField).doesNotContain("samplingProbability").contains("\"beta\"");
        Files.writeString(metrics, withoutField);
        Files.delete(dir.resolve("run").resolve(CheckpointChecksums.FILE_NAME)); // written before checksums too

        Trainer resumed = TrainingEngines.resume(data, settings("run", 4, 2));
        resumed.run(QUIET);

        assertThat(TrainingCheckpoint.read(dir.resolve("run")).metrics().history())
                .extracting(TrainingProgress::samplingProbability)
                .containsExactly(0.0, 1 - 2 / (2 + Math.exp(1.5)));
    }

    @Test
    void checkpointReloadsIntoAGraphWithIdenticalOutputs() throws IOException {
        WindowDataset data = TrainingFixtures.dataset(6, 2, 4);
        Trainer trainer = TrainingEngines.start(ModelPresets.byName("tiny-test-hier"), data, settings("run", 3, 3));
        TrainingResult result = trainer.run(QUIET);

        TrainingCheckpoint.Contents saved = TrainingCheckpoint.read(result.checkpoint());
        MusicVaeGraph reloaded = MusicVaeGraph.build(saved.config(), saved.weights(), DataType.FLOAT);

        assertThat(saved.config()).isEqualTo(trainer.config());
        assertThat(saved.metrics().history()).extracting(p -> p.step()).containsExactly(2L);
        assertThat(WeightsManifest.read(result.checkpoint()).contains(
                "decoder/hierarchical_level_0/cell_0/lstm_cell/kernel")).isTrue();
        int[][] labels = {data.eval().window(0), data.eval().window(1)};
        INDArray input = MelodyTensors.oneHot(labels, 90, DataType.FLOAT);
        INDArray eps = Nd4j.rand(DataType.FLOAT, 2, trainer.config().zSize());
        MusicVaeGraph trained = MusicVaeGraph.build(trainer.config(), trainer.weights(), DataType.FLOAT);
        assertThat(logits(reloaded, input, eps)).isEqualTo(logits(trained, input, eps));
    }

    private static INDArray logits(MusicVaeGraph graph, INDArray input, INDArray eps) {
        Map<String, INDArray> out = graph.sameDiff().output(graph.feed(input, eps, 0.1), MusicVaeGraph.LOGITS);
        return out.get(MusicVaeGraph.LOGITS);
    }

    @Test
    void resumingOnOtherTrainingDataIsRefused() throws IOException {
        ModelConfig config = ModelPresets.byName("tiny-test");
        TrainingEngines.start(config, TrainingFixtures.dataset(4, 1, 4), settings("run", 1, 1)).run(QUIET);

        assertThatThrownBy(() -> TrainingEngines.resume(TrainingFixtures.dataset(5, 1, 4), settings("run", 2, 1)))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining("was trained on other data (4 train windows)");
    }

    @Test
    void stopRequestWritesACheckpointAtTheCurrentStep() throws IOException {
        ModelConfig config = ModelPresets.byName("tiny-test");
        int[] progressCalls = {0};
        TrainingListener stopAfterTwo = new TrainingListener() {
            @Override
            public void onProgress(TrainingProgress progress) {
                progressCalls[0]++;
            }

            @Override
            public boolean stopRequested() {
                return progressCalls[0] >= 2;
            }
        };

        TrainingResult result = TrainingEngines.start(config, TrainingFixtures.dataset(4, 1, 4), settings("run", 50, 20))
                .run(stopAfterTwo);

        assertThat(result.stopped()).isTrue();
        assertThat(result.step()).isEqualTo(2);
        assertThat(TrainingCheckpoint.read(dir.resolve("run")).state().step()).isEqualTo(2);
    }
}
