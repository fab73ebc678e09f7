package org.melodypalette.model.train;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.melodypalette.files.AtomicFiles;
import org.melodypalette.files.BoundedFiles;
import org.melodypalette.model.checkpoint.CheckpointChecksums;
import org.melodypalette.model.checkpoint.CheckpointException;
import org.melodypalette.model.checkpoint.CheckpointFolder;
import org.melodypalette.model.checkpoint.LoadedCheckpoint;
import org.melodypalette.model.checkpoint.WeightSet;
import org.melodypalette.model.config.ModelConfig;
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
 * checksums.sha256       SHA-256 of each file above (CheckpointChecksums), verified on every load
 * </pre>
 * The first three make it a model checkpoint anyone can load; the rest is only for resuming.
 */
public final class TrainingCheckpoint {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    /** Largest metrics.json or training_state.json read (a long run's history is a few MB). */
    private static final int MAX_JSON_BYTES = 64 << 20;
    private static final String SAMPLING_PROBABILITY = "samplingProbability";

    /** Everything a checkpoint holds. */
    public record Contents(ModelConfig config, WeightSet weights, AdamOptimizer optimizer, TrainingState state,
                           TrainingMetrics metrics) {
    }

    private TrainingCheckpoint() {
    }

    /** Whether {@code folder} (after crash recovery) holds a training checkpoint. */
    public static boolean exists(Path folder) throws IOException {
        AtomicFolder.recover(folder);
        return Files.isRegularFile(folder.resolve(CheckpointFolder.CONFIG_FILE))
                && Files.isRegularFile(folder.resolve(TrainingState.FILE_NAME));
    }

    /** Writes the checkpoint; refuses (DivergenceGuard) parameters or optimizer state that are not finite. */
    public static void write(Path folder, Contents contents) throws IOException {
        DivergenceGuard.requireSound(folder, contents);
        AtomicFolder.replace(folder, dir -> writeTrainingFiles(dir,
                CheckpointFolder.write(dir, contents.config(), contents.weights()), contents.metrics(),
                contents.optimizer(), contents.state()));
    }

    /**
     * Beside the model files already {@code written} in {@code dir}: the metrics, the optimizer state and
     * the training state, then the checksums of them all. Both kinds of model's checkpoints end so.
     */
    static void writeTrainingFiles(Path dir, List<String> written, Object metrics, AdamOptimizer optimizer,
                                   TrainingState state) throws IOException {
        AtomicFiles.write(dir.resolve(TrainingMetrics.FILE_NAME), JSON.writeValueAsBytes(metrics));
        optimizer.write(dir.resolve(AdamOptimizer.FILE_NAME));
        AtomicFiles.write(dir.resolve(TrainingState.FILE_NAME), JSON.writeValueAsBytes(state));
        List<String> all = new ArrayList<>(written);
        all.addAll(List.of(TrainingMetrics.FILE_NAME, AdamOptimizer.FILE_NAME, TrainingState.FILE_NAME));
        CheckpointChecksums.write(dir, all);
    }

    /**
     * A model checkpoint (ours or magenta.js's, after crash recovery) with every variable training
     * and evaluation need, the posterior's sigma included.
     */
    public static LoadedCheckpoint readModel(Path folder) throws IOException {
        AtomicFolder.recover(folder);
        LoadedCheckpoint loaded = CheckpointFolder.load(folder);
        try {
            WeightSet weights = MusicVaeVariables.select(loaded.config(), loaded.weights());
            return new LoadedCheckpoint(loaded.config(), weights, loaded.folder(), loaded.format());
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(folder, e.getMessage() + " (training and evaluation need the "
                    + "posterior's sigma, which inference-only checkpoints may omit)");
        }
    }

    /** The whole checkpoint, for resuming. */
    public static Contents read(Path folder) throws IOException {
        LoadedCheckpoint model = readModel(folder);
        if (model.format() != LoadedCheckpoint.Format.MELODY_PALETTE) {
            throw new CheckpointException(folder, "is a magenta.js checkpoint; only our own training runs resume");
        }
        ModelConfig config = model.config();
        AdamOptimizer optimizer = AdamOptimizer.read(folder.resolve(AdamOptimizer.FILE_NAME), shapes(config));
        TrainingState state = readState(folder, optimizer);
        TrainingMetrics metrics = readMetrics(folder.resolve(TrainingMetrics.FILE_NAME));
        return new Contents(config, model.weights(), optimizer, state, metrics);
    }

    /**
     * The training state, which must be at least at the optimizer's update: a warm-started run
     * (TrainingOptions.initFrom) began its Adam updates after step 0, no run before.
     */
    static TrainingState readState(Path folder, AdamOptimizer optimizer) throws CheckpointException {
        TrainingState state = readJson(folder.resolve(TrainingState.FILE_NAME), TrainingState.class);
        if (optimizer.updates() > state.step()) {
            throw new CheckpointException(folder, "optimizer state is at update " + optimizer.updates()
                    + ", beyond the training state's step " + state.step());
        }
        return state;
    }

    /** Every variable's shape, in manifest order: what Adam keeps moments of. */
    static Map<String, long[]> shapes(ModelConfig config) {
        Map<String, long[]> shapes = new LinkedHashMap<>();
        for (MusicVaeVariables.Spec spec : MusicVaeVariables.specs(config)) {
            shapes.put(spec.name(), spec.shape().stream().mapToLong(Integer::longValue).toArray());
        }
        return shapes;
    }

    /** The training step a checkpoint holds, or 0 for a model folder without training state. */
    public static long readStep(Path folder) throws IOException {
        Path file = folder.resolve(TrainingState.FILE_NAME);
        return Files.isRegularFile(file) ? readJson(file, TrainingState.class).step() : 0;
    }

    /**
     * Reads {@code metrics.json}; history entries written before scheduled sampling existed have no
     * {@code samplingProbability}: those steps were teacher-forced, so it is 0.
     */
    private static TrainingMetrics readMetrics(Path file) throws CheckpointException {
        try {
            JsonNode tree = JSON.readTree(BoundedFiles.read(file, MAX_JSON_BYTES));
            JsonNode history = tree.path("history");
            for (JsonNode entry : history) {
                if (entry instanceof ObjectNode object && !object.has(SAMPLING_PROBABILITY)) {
                    object.put(SAMPLING_PROBABILITY, 0.0);
                }
            }
            return JSON.treeToValue(tree, TrainingMetrics.class);
        } catch (BoundedFiles.Refused e) {
            throw new CheckpointException(file, e.problem());
        } catch (IOException | IllegalArgumentException e) {
            throw new CheckpointException(file, "cannot read: " + e.getMessage(), e);
        }
    }

    static <T> T readJson(Path file, Class<T> type) throws CheckpointException {
        try {
            return JSON.readValue(BoundedFiles.read(file, MAX_JSON_BYTES), type);
        } catch (BoundedFiles.Refused e) {
            throw new CheckpointException(file, e.problem());
        } catch (IOException | IllegalArgumentException e) {
            throw new CheckpointException(file, "cannot read: " + e.getMessage(), e);
        }
    }
}
