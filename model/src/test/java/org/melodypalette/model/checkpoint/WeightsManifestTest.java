package org.melodypalette.model.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melodypalette.testing.SharedData;

class WeightsManifestTest {

    @TempDir
    Path dir;

    @Test
    void readsRealMel2barSmallLayoutIncludingVariablesSpanningShards() throws IOException {
        WeightSet weights = WeightsManifest.read(SharedData.require("magenta/checkpoints/mel_2bar_small_random"));

        assertThat(weights.require("encoder/cell_0/bidirectional_rnn/fw/multi_rnn_cell/cell_0/lstm_cell/kernel",
                602, 2048)).isNotNull();
        assertThat(weights.require("decoder/output_projection/kernel", 256, 90)).isNotNull();
        // 17,695,080 bytes of float32 in the real manifest.
        assertThat(weights.parameterCount() * 4).isEqualTo(17_695_080L);
    }

    @Test
    void quantizedCopyDequantizesCloseToTheFloatOriginal() throws IOException {
        WeightSet exact = WeightsManifest.read(SharedData.require("magenta/checkpoints/mel_2bar_small_random"));
        WeightSet quantized = WeightsManifest.read(SharedData.require("magenta/checkpoints/mel_2bar_small_random_q2"));

        String name = "decoder/multi_rnn_cell/cell_1/lstm_cell/kernel";
        float[] a = exact.require(name).values();
        float[] b = quantized.require(name).values();
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, Math.abs(a[i] - b[i]));
        }
        assertThat(worst).isGreaterThan(0.0).isLessThan(1e-4);
    }

    @Test
    void writeThenReadIsIdenticalAcrossSeveralShards() throws IOException {
        float[] big = new float[1_500_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (float) Math.sin(i);
        }
        WeightSet original = new WeightSet(List.of(
                new WeightTensor("a/kernel", new int[] {1000, 1500}, big),
                new WeightTensor("a/bias", new int[] {3}, new float[] {1f, -2f, 3.5f})));

        WeightsManifest.write(dir, original);

        assertThat(Files.list(dir).map(p -> p.getFileName().toString()))
                .contains("group1-shard1of2", "group1-shard2of2", WeightsManifest.FILE_NAME);
        assertThat(WeightsManifest.read(dir)).isEqualTo(original);
    }

    @Test
    void refusesTruncatedShardBeforeReading() throws IOException {
        WeightsManifest.write(dir, new WeightSet(List.of(new WeightTensor("w", new int[] {4}, new float[4]))));
        Files.write(dir.resolve("group1-shard1of1"), new byte[10]);

        assertThatThrownBy(() -> WeightsManifest.read(dir))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining("shards hold 10 bytes but the manifest declares 16");
    }

    @Test
    void refusesAbsurdDeclaredSizeWithoutAllocating() throws IOException {
        Files.writeString(dir.resolve(WeightsManifest.FILE_NAME),
                "[{\"paths\":[\"s\"],\"weights\":[{\"name\":\"w\",\"shape\":[100000,100000],\"dtype\":\"float32\"}]}]");

        assertThatThrownBy(() -> WeightsManifest.read(dir))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining("variable w with shape [100000, 100000] is too large");
    }

    @Test
    void refusesShardPathsOutsideTheFolder() throws IOException {
        Files.writeString(dir.resolve(WeightsManifest.FILE_NAME),
                "[{\"paths\":[\"../escape\"],\"weights\":[{\"name\":\"w\",\"shape\":[1],\"dtype\":\"float32\"}]}]");

        assertThatThrownBy(() -> WeightsManifest.read(dir))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining("shard path '../escape' must be a file name inside the folder");
    }

    @Test
    void missingManifestSaysTheFolderIsNotACheckpoint() {
        assertThatThrownBy(() -> WeightsManifest.read(dir))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining("not a checkpoint folder: weights_manifest.json is missing");
    }

    @Test
    void refusesNonFiniteWeights() throws IOException {
        WeightsManifest.write(dir, new WeightSet(List.of(
                new WeightTensor("w", new int[] {2}, new float[] {1f, Float.NaN}))));

        assertThatThrownBy(() -> WeightsManifest.read(dir))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining("variable w holds a non-finite value (NaN) at index 1");
    }
}
