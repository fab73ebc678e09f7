package org.melodypalette.model.train;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.melodypalette.files.AtomicFiles;
import org.melodypalette.model.checkpoint.CheckpointChecksums;
import org.melodypalette.model.checkpoint.CheckpointException;
import org.melodypalette.model.checkpoint.CheckpointFolder;
import org.melodypalette.model.checkpoint.WeightSet;
import org.melodypalette.model.checkpoint.WeightsManifest;
import org.melodypalette.model.config.ContinuationConfig;
import org.melodypalette.model.config.ContinuationConfigJson;
import org.melodypalette.model.layers.ContinuationLayers;

/**
 * A continuation model's checkpoint folder, in the layout of {@link TrainingCheckpoint} and always
 * complete on disk ({@link AtomicFolder}):
 * <pre>
 * config.json            ContinuationConfig, "type": "continuation"
 * weights_manifest.json  the weights in magenta.js format, float32 ({@link ContinuationLayers} names)
 * group1-shardKofN
 * metrics.json           ContinuationMetrics
 * optimizer_state.bin    Adam moments and update count
 * training_state.json    TrainingState
 * </pre>
 */
public final class ContinuationCheckpoint {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /** Everything a checkpoint holds. */
    public record Contents(ContinuationConfig config, WeightSet weights, AdamOptimizer optimizer, TrainingState state,
                           ContinuationMetrics metrics) {
    }

    /** The model alone: what sampling needs. */
    public record Model(ContinuationConfig config, WeightSet weights, long step) {
    }

    private ContinuationCheckpoint() {
    }

    /** Whether {@code folder} (after crash recovery) holds a continuation model's {@code config.json}. */
    public static boolean isContinuation(Path folder) throws IOException {
        AtomicFolder.recover(folder);
        Path config = folder.resolve(CheckpointFolder.CONFIG_FILE);
        if (!Files.isRegularFile(config)) {
            return false;
        }
        try {
            return ContinuationConfigJson.isContinuation(JSON.readTree(config.toFile()));
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether {@code folder} holds a continuation training checkpoint to resume. */
    public static boolean exists(Path folder) throws IOException {
        return isContinuation(folder) && Files.isRegularFile(folder.resolve(TrainingState.FILE_NAME));
    }

    public static void write(Path folder, Contents contents) throws IOException {
        AtomicFolder.replace(folder, dir -> {
            Map<String, int[]> expected = ContinuationLayers.of(contents.config()).shapes();
            expected.forEach(contents.weights()::require);
            List<String> written = new ArrayList<>(WeightsManifest.write(dir, contents.weights()));
            AtomicFiles.write(dir.resolve(CheckpointFolder.CONFIG_FILE), ContinuationConfigJson.toJson(contents.config()));
            written.add(CheckpointFolder.CONFIG_FILE);
            TrainingCheckpoint.writeTrainingFiles(dir, written, contents.metrics(), contents.optimizer(),
                    contents.state());
        });
    }

    /** The config and weights, every shape checked; each problem one {@link CheckpointException} naming the folder. */
    public static Model readModel(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new CheckpointException(folder, Files.exists(folder) ? "is not a folder" : "checkpoint folder does not exist");
        }
        AtomicFolder.recover(folder);
        CheckpointChecksums.verify(folder);
        Path configFile = folder.resolve(CheckpointFolder.CONFIG_FILE);
        if (!Files.isRegularFile(configFile)) {
            throw new CheckpointException(folder, "not a checkpoint folder: " + CheckpointFolder.CONFIG_FILE + " is missing");
        }
        ContinuationConfig config;
        try {
            config = ContinuationConfigJson.fromJson(Files.readAllBytes(configFile));
        } catch (IOException e) {
            throw new CheckpointException(configFile, e.getMessage(), e);
        }
        Map<String, int[]> expected = ContinuationLayers.of(config).shapes();
        Map<String, int[]> shapes = WeightsManifest.shapes(folder);
        for (Map.Entry<String, int[]> e : expected.entrySet()) {
            int[] shape = shapes.get(e.getKey());
            if (shape == null || !Arrays.equals(shape, e.getValue())) {
                throw new CheckpointException(folder, "variable " + e.getKey() + (shape == null ? " is missing"
                        : " has shape " + Arrays.toString(shape)) + " but " + config.name() + " needs shape "
                        + Arrays.toString(e.getValue()));
            }
        }
        WeightSet weights = WeightsManifest.read(folder, expected::containsKey);
        return new Model(config, weights, TrainingCheckpoint.readStep(folder));
    }

    /** The whole checkpoint, for resuming. */
    public static Contents read(Path folder) throws IOException {
        Model model = readModel(folder);
        Map<String, long[]> shapes = new LinkedHashMap<>();
        ContinuationLayers.of(model.config()).shapes()
                .forEach((name, shape) -> shapes.put(name, Arrays.stream(shape).asLongStream().toArray()));
        AdamOptimizer optimizer = AdamOptimizer.read(folder.resolve(AdamOptimizer.FILE_NAME), shapes);
        TrainingState state = TrainingCheckpoint.readState(folder, optimizer);
        ContinuationMetrics metrics = TrainingCheckpoint.readJson(folder.resolve(TrainingMetrics.FILE_NAME),
                ContinuationMetrics.class);
        return new Contents(model.config(), model.weights(), optimizer, state, metrics);
    }
}
