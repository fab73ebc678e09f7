package org.melodypalette.model.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melodypalette.datasets.WindowDataset;
import org.melodypalette.model.api.ContinuationEvaluation;
import org.melodypalette.model.api.ContinuationOptions;
import org.melodypalette.model.api.TrainingListener;
import org.melodypalette.model.checkpoint.CheckpointChecksums;
import org.melodypalette.model.checkpoint.CheckpointFolder;
import org.melodypalette.model.checkpoint.WeightTensor;
import org.melodypalette.model.config.ComputeOptions;
import org.melodypalette.model.config.ContinuationConfig;
import org.melodypalette.model.config.ContinuationPresets;
import org.melodypalette.model.infer.ContinuationModel;

/** The continuation model's training loop, checkpoints and resume on the tiny preset. */
class ContinuationTrainerTest {

    private static final ContinuationConfig TINY = ContinuationPresets.byName("continue_tiny");

    @TempDir
    Path dir;

    private Trainer.Settings settings(Path out, long steps) {
        return new Trainer.Settings(out, steps, 1000, 1000, 0, 10, 5, 1);
    }

    /** Four windows, batch 4: every step sees the same four windows, which a 2×32 model learns by heart. */
    @Test
    void aTinyModelOverfitsOneBatch() throws IOException {
        WindowDataset data = TrainingFixtures.dataset(4, 4, 16);
        ContinuationConfig config = TINY.withLayers(List.of(32, 32))
                .withTraining(TINY.training().withLearningRate(3e-2, 3e-2, 1.0));
        try (ContinuationTrainer trainer = ContinuationTrainer.start(config, data, settings(dir.resolve("run"), 700))) {
            double first = trainer.trainStep().loss();
            double last = first;
            while (trainer.step() < 700) {
                last = trainer.trainStep().loss();
            }
            // Uniform guessing over 90 classes is ln 90 ≈ 4.50 nats a step. A window's first label (one of four)
            // cannot be predicted from nothing before it, so the least loss is ln 4 / 32 ≈ 0.0433 nats a step;
            // everything after it is learnt by heart.
            assertThat(first).isGreaterThan(4.0);
            assertThat(last).isBetween(Math.log(4) / 32, 0.05);
        }
    }

    @Test
    void aResumedRunEndsWithTheParametersOfAnUninterruptedOne() throws IOException {
        WindowDataset data = TrainingFixtures.dataset(12, 4, 16);
        Path whole = dir.resolve("whole");
        Path split = dir.resolve("split");
        try (ContinuationTrainer trainer = ContinuationTrainer.start(TINY, data, settings(whole, 30))) {
            trainer.run(new TrainingListener() { });
        }
        try (ContinuationTrainer trainer = ContinuationTrainer.start(TINY, data, settings(split, 12))) {
            trainer.run(new TrainingListener() { });
        }
        try (ContinuationTrainer trainer = ContinuationTrainer.resume(ContinuationCheckpoint.read(split), data,
                settings(split, 30))) {
            assertThat(trainer.step()).isEqualTo(12);
            trainer.run(new TrainingListener() { });
        }
        ContinuationCheckpoint.Contents a = ContinuationCheckpoint.read(whole);
        ContinuationCheckpoint.Contents b = ContinuationCheckpoint.read(split);
        assertThat(b.state().step()).isEqualTo(30);
        assertThat(a.config()).isEqualTo(TINY);
        for (WeightTensor t : a.weights().tensors()) {
            assertThat(b.weights().require(t.name()).values()).as(t.name()).containsExactly(t.values());
        }
        assertThat(Files.readString(whole.resolve("config.json"))).contains("\"type\" : \"continuation\"");
    }

    @Test
    void savedAndLoadedModelsGiveIdenticalContinuations() throws IOException {
        WindowDataset data = TrainingFixtures.dataset(8, 4, 16);
        Path out = dir.resolve("saved");
        ContinuationOptions options = ContinuationOptions.of(3, 1.0, 0.9, 42);
        int[] primer = data.eval().window(0);
        List<int[]> before;
        try (ContinuationTrainer trainer = ContinuationTrainer.start(TINY, data, settings(out, 20))) {
            trainer.run(new TrainingListener() { });
            try (ContinuationModel live = ContinuationModel.load(TINY, trainer.weights(), ComputeOptions.fromSystemProperties())) {
                before = live.continueLabels(primer, 16, options);
            }
        }
        ContinuationCheckpoint.Model loaded = ContinuationCheckpoint.readModel(out);
        assertThat(loaded.step()).isEqualTo(20);
        try (ContinuationModel model = ContinuationModel.load(loaded.config(), loaded.weights(),
                ComputeOptions.fromSystemProperties())) {
            List<int[]> after = model.continueLabels(primer, 16, options);
            assertThat(after).hasSize(3);
            for (int k = 0; k < 3; k++) {
                assertThat(after.get(k)).containsExactly(before.get(k));
            }
        }
    }

    @Test
    void evaluationReportsTheModelBesideTheBigram() {
        WindowDataset data = TrainingFixtures.dataset(8, 6, 16);
        try (ContinuationTrainer trainer = ContinuationTrainer.start(TINY, data,
                new Trainer.Settings(dir.resolve("eval"), 5, 1000, 1000, 0, 10, 5, 1))) {
            ContinuationEvaluation e = trainer.evaluate();
            assertThat(e.windows()).isEqualTo(6);
            assertThat(e.predictions()).isEqualTo(6 * 32);
            assertThat(e.logLikelihood()).isNegative();
            assertThat(e.perplexity()).isCloseTo(Math.exp(-e.logLikelihood()), org.assertj.core.api.Assertions.within(1e-9));
            // Untrained, the model is near uniform over 90 classes; the bigram has learnt the fixtures' rhythm.
            assertThat(e.perplexity()).isGreaterThan(60);
            assertThat(e.bigramLogLikelihood()).isGreaterThan(e.logLikelihood());
        }
    }

    @Test
    void refusesToResumeOnOtherData() throws IOException {
        Path out = dir.resolve("other");
        try (ContinuationTrainer trainer = ContinuationTrainer.start(TINY, TrainingFixtures.dataset(8, 2, 16),
                settings(out, 2))) {
            trainer.run(new TrainingListener() { });
        }
        assertThatThrownBy(() -> ContinuationTrainer.resume(ContinuationCheckpoint.read(out),
                TrainingFixtures.dataset(9, 2, 16), settings(out, 4)))
                .hasMessageContaining("was trained on other data");
    }

    @Test
    void aMusicVaeReaderRefusesAContinuationCheckpointSayingWhatItIs() throws IOException {
        Path out = dir.resolve("lm");
        try (ContinuationTrainer trainer = ContinuationTrainer.start(TINY, TrainingFixtures.dataset(4, 2, 16),
                settings(out, 1))) {
            trainer.run(new TrainingListener() { });
        }
        assertThatThrownBy(() -> CheckpointFolder.load(out))
                .hasMessageContaining(out.toString()).hasMessageContaining("holds a continuation model");
    }

    @Test
    void readModelNamesAMisShapedVariable() throws IOException {
        Path out = dir.resolve("bad");
        try (ContinuationTrainer trainer = ContinuationTrainer.start(TINY, TrainingFixtures.dataset(4, 2, 16),
                settings(out, 1))) {
            trainer.run(new TrainingListener() { });
        }
        Files.delete(out.resolve(CheckpointChecksums.FILE_NAME)); // a folder edited by hand, without checksums
        Files.writeString(out.resolve("config.json"), Files.readString(out.resolve("config.json"))
                .replace("\"layerSizes\" : [ 8, 8 ]", "\"layerSizes\" : [ 8, 9 ]"));
        assertThatThrownBy(() -> ContinuationCheckpoint.readModel(out))
                .hasMessageContaining(out.toString()).hasMessageContaining("continuation/multi_rnn_cell/cell_1");
    }

    @Test
    void aDamagedShardIsNamedWhenTheModelIsRead() throws IOException {
        Path out = dir.resolve("damaged");
        try (ContinuationTrainer trainer = ContinuationTrainer.start(TINY, TrainingFixtures.dataset(4, 2, 16),
                settings(out, 1))) {
            trainer.run(new TrainingListener() { });
        }
        Path shard = out.resolve("group1-shard1of1");
        byte[] bytes = Files.readAllBytes(shard);
        bytes[bytes.length / 2] ^= 1;
        Files.write(shard, bytes);

        assertThat(out.resolve(CheckpointChecksums.FILE_NAME)).content().contains("group1-shard1of1", "optimizer_state.bin");
        assertThatThrownBy(() -> ContinuationCheckpoint.readModel(out)).hasMessageContaining(shard.toString());
    }
}
