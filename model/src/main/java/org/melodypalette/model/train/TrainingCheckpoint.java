package org.melodypalette.model.train;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.melodypalette.files.AtomicFiles;
import org.melodypalette.model.checkpoint.CheckpointException;
import org.melodypalette.model.checkpoint.WeightSet;
import org.melodypalette.model.checkpoint.WeightsManifest;
import org.melodypalette.model.config.ModelConfig;
import org.melodypalette.model.config.ModelConfigJson;
import org.melodypalette.model.net.MusicVaeVariables;

/**
 * A training checkpoint folder, always complete on disk (written through {@link AtomicFolder}):
 * <pre>
 * config.json            our ModelConfig (ModelConfigJson)
 * weights_manifest.json  the weights in magenta.js format, Magenta names, float32
 * group1-shardKofN
 * metrics.json           TrainingMetrics
 * optimizer_state.bin    Adam moments and update count (AdamOptimizer)
 * training_state.json    TrainingState
 * </pre>
 * The first three make it a model checkpoint anyone can load; the rest is only for resuming.
 */
public final class TrainingCheckpoint {

    public static final String CONFIG = "config.json";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /** Everything a checkpoint holds. */
    public record Contents(ModelConfig config, WeightSet weights, AdamOptimizer optimizer, TrainingState state,
                           TrainingMetrics metrics) {
    }

    private TrainingCheckpoint() {
    }

    /** Whether {@code folder} (after crash recovery) holds a training checkpoint. */
    public static boolean exists(Path folder) throws IOException {
        AtomicFolder.recover(folder);
        return Files.isRegularFile(folder.resolve(CONFIG)) && Files.isRegularFile(folder.resolve(TrainingState.FILE_NAME));
    }

    public static void write(Path folder, Contents contents) throws IOException {
        AtomicFolder.replace(folder, dir -> {
            AtomicFiles.write(dir.resolve(CONFIG), ModelConfigJson.toJson(contents.config()));
            WeightsManifest.write(dir, contents.weights());
            AtomicFiles.write(dir.resolve(TrainingMetrics.FILE_NAME), JSON.writeValueAsBytes(contents.metrics()));
            contents.optimizer().write(dir.resolve(AdamOptimizer.FILE_NAME));
            AtomicFiles.write(dir.resolve(TrainingState.FILE_NAME), JSON.writeValueAsBytes(contents.state()));
        });
    }

    /** The model config of a checkpoint folder. */
    public static ModelConfig readConfig(Path folder) throws IOException {
        AtomicFolder.recover(folder);
        Path file = folder.resolve(CONFIG);
        try {
            return ModelConfigJson.fromJson(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new CheckpointException(folder, "not a checkpoint folder: " + CONFIG + " is missing");
        } catch (IOException e) {
            throw new CheckpointException(file, "invalid model config: " + e.getMessage(), e);
        }
    }

    /** The weights of {@code config}'s variables, checked against their shapes. */
    public static WeightSet readWeights(Path folder, ModelConfig config) throws IOException {
        WeightSet all = WeightsManifest.read(folder);
        try {
            return MusicVaeVariables.select(config, all);
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(folder, "weights do not fit " + config.name() + ": " + e.getMessage());
        }
    }

    /** The whole checkpoint, for resuming. */
    public static Contents read(Path folder) throws IOException {
        ModelConfig config = readConfig(folder);
        WeightSet weights = readWeights(folder, config);
        Map<String, long[]> shapes = new LinkedHashMap<>();
        for (MusicVaeVariables.Spec spec : MusicVaeVariables.specs(config)) {
            shapes.put(spec.name(), spec.shape().stream().mapToLong(Integer::longValue).toArray());
        }
        AdamOptimizer optimizer = AdamOptimizer.read(folder.resolve(AdamOptimizer.FILE_NAME), shapes);
        TrainingState state = readJson(folder.resolve(TrainingState.FILE_NAME), TrainingState.class);
        TrainingMetrics metrics = readJson(folder.resolve(TrainingMetrics.FILE_NAME), TrainingMetrics.class);
        if (optimizer.updates() != state.step()) {
            throw new CheckpointException(folder, "optimizer state is at update " + optimizer.updates()
                    + " but the training state at step " + state.step());
        }
        return new Contents(config, weights, optimizer, state, metrics);
    }

    /** The training step a checkpoint holds, or 0 for a model folder without training state. */
    public static long readStep(Path folder) throws IOException {
        Path file = folder.resolve(TrainingState.FILE_NAME);
        return Files.isRegularFile(file) ? readJson(file, TrainingState.class).step() : 0;
    }

    private static <T> T readJson(Path file, Class<T> type) throws CheckpointException {
        try {
            return JSON.readValue(file.toFile(), type);
        } catch (IOException | IllegalArgumentException e) {
            throw new CheckpointException(file, "cannot read: " + e.getMessage(), e);
        }
    }
}
