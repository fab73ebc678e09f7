package org.melodypalette.model.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melodypalette.model.checkpoint.LoadedCheckpoint.Format;
import org.melodypalette.model.config.ModelConfig;
import org.melodypalette.model.config.ModelConfig.DecoderKind;
import org.melodypalette.model.config.ModelConfig.EncoderKind;
import org.melodypalette.model.config.ModelConfigJson;
import org.melodypalette.model.config.ModelPresets;
import org.melodypalette.model.layers.ModelLayers;
import org.melodypalette.testing.SharedData;

class CheckpointFolderTest {

    @TempDir
    Path dir;

    @Test
    void derivesMel2barSmallFromAMagentaJsFolderAndSkipsUnusedVariables() throws IOException {
        Path folder = SharedData.require("magenta/checkpoints/mel_2bar_small_random");

        LoadedCheckpoint loaded = CheckpointFolder.load(folder);

        ModelConfig config = loaded.config();
        assertThat(loaded.format()).isEqualTo(Format.MAGENTA_JS);
        assertThat(config.name()).isEqualTo("mel_2bar_small_random");
        assertThat(config.encoder()).isEqualTo(EncoderKind.FLAT);
        assertThat(config.encoderSizes()).containsExactly(512);
        assertThat(config.decoder()).isEqualTo(DecoderKind.FLAT);
        assertThat(config.decoderSizes()).containsExactly(256, 256);
        assertThat(config.zSize()).isEqualTo(256);
        assertThat(config.numSteps()).isEqualTo(32);
        assertThat(config.stepsPerBar()).isEqualTo(16);
        assertThat(config.numClasses()).isEqualTo(90);
        // The architecture (sigma included) is what the manifest holds: Magenta's exact layout.
        assertThat(loaded.weights().size()).isEqualTo(ModelLayers.of(config).shapes().size());
        assertThat(loaded.source()).isEqualTo(folder.toString());
    }

    @Test
    void derivesTheHierarchicalSixteenBarModel() throws IOException {
        LoadedCheckpoint loaded = CheckpointFolder.load(SharedData.require("magenta/checkpoints/mel_16bar_hier_random_q2"));

        ModelConfig config = loaded.config();
        assertThat(config.encoder()).isEqualTo(EncoderKind.HIERARCHICAL);
        assertThat(config.encoderSizes()).containsExactly(256, 256);
        assertThat(config.decoder()).isEqualTo(DecoderKind.HIERARCHICAL);
        assertThat(config.conductorSizes()).containsExactly(256, 256);
        assertThat(config.decoderSizes()).containsExactly(256, 256);
        assertThat(config.numSegments()).isEqualTo(16);
        assertThat(config.numSteps()).isEqualTo(256);
        assertThat(config.stepsPerBar()).isEqualTo(16);
    }

    @Test
    void writeThenLoadReturnsTheSameConfigAndWeights() throws IOException {
        ModelConfig config = ModelPresets.byName("tiny-test-hier");
        WeightSet weights = RandomWeights.of(config, 1);

        CheckpointFolder.write(dir, config, weights);
        LoadedCheckpoint loaded = CheckpointFolder.load(dir);

        assertThat(loaded.format()).isEqualTo(Format.MELODY_PALETTE);
        assertThat(loaded.config()).isEqualTo(config);
        assertThat(loaded.weights()).isEqualTo(weights);
    }

    @Test
    void refusesAWeightWhoseShapeDoesNotMatchTheConfigNamingBoth() throws IOException {
        ModelConfig config = ModelPresets.byName("tiny-test");
        CheckpointFolder.write(dir, config, RandomWeights.of(config, 1));
        Files.write(dir.resolve(CheckpointFolder.CONFIG_FILE), ModelConfigJson.toJson(config.withZSize(5)));
        Files.delete(dir.resolve(CheckpointChecksums.FILE_NAME)); // a folder written by other tools

        assertThatThrownBy(() -> CheckpointFolder.load(dir))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining(dir.toString())
                .hasMessageContaining("variable encoder/mu/kernel has shape [16, 4]")
                .hasMessageContaining("expects [16, 5]");
    }

    @Test
    void refusesAMissingVariable() throws IOException {
        ModelConfig config = ModelPresets.byName("tiny-test");
        WeightSet full = RandomWeights.of(config, 1);
        List<WeightTensor> without = full.tensors().stream()
                .filter(t -> !t.name().equals("decoder/output_projection/bias")).toList();
        WeightsManifest.write(dir, new WeightSet(without));
        Files.write(dir.resolve(CheckpointFolder.CONFIG_FILE), ModelConfigJson.toJson(config));

        assertThatThrownBy(() -> CheckpointFolder.load(dir))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining("variable decoder/output_projection/bias is missing");
    }

    @Test
    void refusesFoldersThatAreNotCheckpoints() throws IOException {
        assertThatThrownBy(() -> CheckpointFolder.load(dir.resolve("nowhere")))
                .isInstanceOf(CheckpointException.class).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> CheckpointFolder.load(dir))
                .isInstanceOf(CheckpointException.class).hasMessageContaining("config.json is missing");
        Files.writeString(dir.resolve(CheckpointFolder.CONFIG_FILE), "{not json");
        assertThatThrownBy(() -> CheckpointFolder.load(dir))
                .isInstanceOf(CheckpointException.class).hasMessageContaining("malformed JSON");
    }

    @Test
    void refusesMagentaModelsWeCannotRun() throws IOException {
        ModelConfig config = ModelPresets.byName("tiny-test");
        WeightsManifest.write(dir, RandomWeights.of(config, 1));
        Files.writeString(dir.resolve(CheckpointFolder.CONFIG_FILE),
                "{\"type\":\"MusicVAE\",\"dataConverter\":{\"type\":\"DrumsConverter\",\"args\":{\"numSteps\":32}}}");
        assertThatThrownBy(() -> CheckpointFolder.load(dir))
                .isInstanceOf(CheckpointException.class).hasMessageContaining("only melody models");

        Files.writeString(dir.resolve(CheckpointFolder.CONFIG_FILE),
                "{\"type\":\"MusicVAE\",\"dataConverter\":{\"type\":\"MelodyConverter\",\"args\":{\"minPitch\":21,\"maxPitch\":108}}}");
        assertThatThrownBy(() -> CheckpointFolder.load(dir))
                .isInstanceOf(CheckpointException.class).hasMessageContaining("dataConverter.args.numSteps is missing");
    }

    @Test
    void aMagentaFolderWithConditioningInputsIsExplained() throws IOException {
        ModelConfig config = ModelPresets.byName("tiny-test");
        WeightSet weights = RandomWeights.of(config, 1);
        // Layer 0 of the decoder with 3 extra input rows, as a chord-conditioned model has.
        List<WeightTensor> tensors = weights.tensors().stream().map(t -> !t.name().equals("decoder/multi_rnn_cell/cell_0/lstm_cell/kernel") ? t
                : new WeightTensor(t.name(), new int[] {t.dim(0) + 3, t.dim(1)}, new float[(t.dim(0) + 3) * t.dim(1)])).toList();
        WeightsManifest.write(dir, new WeightSet(tensors));
        Files.writeString(dir.resolve(CheckpointFolder.CONFIG_FILE), "{\"type\":\"MusicVAE\",\"dataConverter\":"
                + "{\"type\":\"MelodyConverter\",\"args\":{\"numSteps\":8,\"minPitch\":21,\"maxPitch\":108}}}");

        assertThatThrownBy(() -> CheckpointFolder.load(dir))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining("decoder/multi_rnn_cell/cell_0/lstm_cell/kernel")
                .hasMessageContaining("chord or control conditioning");
    }

    @Test
    void attributeVectorsRoundTripInOrderAndBadOnesAreRefused() throws IOException {
        assertThat(AttributeVectors.read(dir, 3)).isEmpty();
        AttributeVectors.write(dir, new java.util.LinkedHashMap<>(Map.of("b_density", new float[] {1, 2, 3})));
        assertThat(AttributeVectors.read(dir, 3)).containsOnlyKeys("b_density");
        assertThat(AttributeVectors.read(dir, 3).get("b_density")).containsExactly(1, 2, 3);

        assertThatThrownBy(() -> AttributeVectors.read(dir, 4))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining("attribute 'b_density' must be an array of 4 numbers");
    }
}
