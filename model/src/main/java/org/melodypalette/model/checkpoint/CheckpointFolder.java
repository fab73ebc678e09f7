package org.melodypalette.model.checkpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.melodypalette.files.AtomicFiles;
import org.melodypalette.files.BoundedFiles;
import org.melodypalette.model.checkpoint.LoadedCheckpoint.Format;
import org.melodypalette.model.config.ContinuationConfigJson;
import org.melodypalette.model.config.ModelConfig;
import org.melodypalette.model.config.ModelConfigJson;
import org.melodypalette.model.layers.MagentaVariables;
import org.melodypalette.model.layers.ModelLayers;

/**
 * A checkpoint folder: {@code config.json} plus weights in the magenta.js manifest format
 * ({@link WeightsManifest}). Reads both our folders ({@code config.json} = {@link ModelConfig}) and
 * magenta.js folders ({@code config.json} = {@code {"type": "MusicVAE", "dataConverter": ...}}, the
 * architecture derived from the manifest's shapes).
 *
 * <p>Loading checks every variable the architecture uses against the manifest's shapes before any
 * shard is read, and reads only those variables (magenta.js folders also hold {@code opaque_kernel}s
 * and the like that nothing uses).
 */
public final class CheckpointFolder {

    public static final String CONFIG_FILE = "config.json";
    private static final int MAX_CONFIG_BYTES = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private CheckpointFolder() {
    }

    /** Reads and checks the folder; every problem is one {@link CheckpointException} naming it. */
    public static LoadedCheckpoint load(Path dir) throws CheckpointException {
        if (!Files.isDirectory(dir)) {
            throw new CheckpointException(dir, Files.exists(dir) ? "is not a folder" : "checkpoint folder does not exist");
        }
        CheckpointChecksums.verify(dir);
        Path configFile = dir.resolve(CONFIG_FILE);
        byte[] configBytes = readConfig(dir, configFile);
        JsonNode tree;
        try {
            tree = JSON.readTree(configBytes);
        } catch (JsonProcessingException e) {
            throw new CheckpointException(configFile, "malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new CheckpointException(configFile, "cannot read: " + e.getMessage(), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new CheckpointException(configFile, "expected a JSON object");
        }
        if (ContinuationConfigJson.isContinuation(tree)) {
            throw new CheckpointException(dir, "holds a continuation model, not a MusicVAE; use it with "
                    + "'palette continue' or 'palette continue-eval'");
        }
        Map<String, int[]> shapes = WeightsManifest.shapes(dir);
        Format format;
        ModelConfig config;
        if (MagentaJsConfig.isMagentaJs(tree)) {
            format = Format.MAGENTA_JS;
            config = MagentaJsConfig.derive(dir, configFile, tree, shapes);
        } else {
            format = Format.MELODY_PALETTE;
            try {
                config = ModelConfigJson.fromJson(configBytes);
            } catch (IOException e) {
                throw new CheckpointException(configFile, "not a valid model config: " + e.getMessage(), e);
            }
        }
        Map<String, int[]> expected = ModelLayers.of(config).shapes();
        checkShapes(dir, config, expected, shapes);
        WeightSet weights = WeightsManifest.read(dir, expected::containsKey);
        return new LoadedCheckpoint(config, weights, dir, format);
    }

    /**
     * Writes {@code config.json} and the weights (float32, magenta.js manifest format) into
     * {@code dir}, creating it; every file atomically, the config last. The weights must be exactly
     * the variables {@link ModelLayers#shapes} lists for the config (sigma included). Records
     * their checksums ({@link CheckpointChecksums}) and returns the names of the files written.
     */
    public static List<String> write(Path dir, ModelConfig config, WeightSet weights) throws IOException {
        Map<String, int[]> expected = ModelLayers.of(config).shapes();
        for (Map.Entry<String, int[]> e : expected.entrySet()) {
            try {
                weights.require(e.getKey(), e.getValue());
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(config.name() + ": " + ex.getMessage(), ex);
            }
        }
        if (weights.size() != expected.size()) {
            throw new IllegalArgumentException(config.name() + ": " + weights.size() + " variables given, the "
                    + "architecture has " + expected.size());
        }
        Files.createDirectories(dir);
        List<String> written = new ArrayList<>(WeightsManifest.write(dir, weights));
        written.add(WeightsManifest.FILE_NAME);
        AtomicFiles.write(dir.resolve(CONFIG_FILE), ModelConfigJson.toJson(config));
        written.add(CONFIG_FILE);
        CheckpointChecksums.write(dir, written);
        return written;
    }

    private static byte[] readConfig(Path dir, Path configFile) throws CheckpointException {
        try {
            return BoundedFiles.read(configFile, MAX_CONFIG_BYTES);
        } catch (BoundedFiles.Refused e) {
            throw new CheckpointException(e.file(), e.problem());
        } catch (NoSuchFileException e) {
            throw new CheckpointException(dir, "not a checkpoint folder: " + CONFIG_FILE + " is missing");
        } catch (IOException e) {
            throw new CheckpointException(configFile, "cannot read: " + e.getMessage(), e);
        }
    }

    private static void checkShapes(Path dir, ModelConfig config, Map<String, int[]> expected,
                                    Map<String, int[]> actual) throws CheckpointException {
        for (Map.Entry<String, int[]> e : expected.entrySet()) {
            int[] shape = actual.get(e.getKey());
            if (shape == null) {
                if (MagentaVariables.isOptional(e.getKey())) {
                    continue;
                }
                throw new CheckpointException(dir, "variable " + e.getKey() + " is missing (model "
                        + describe(config) + " needs it with shape " + Arrays.toString(e.getValue()) + ")");
            }
            if (!Arrays.equals(shape, e.getValue())) {
                throw new CheckpointException(dir, "variable " + e.getKey() + " has shape " + Arrays.toString(shape)
                        + " but model " + describe(config) + " expects " + Arrays.toString(e.getValue())
                        + hint(e.getKey(), shape, e.getValue()));
            }
        }
    }

    private static String describe(ModelConfig c) {
        return "'" + c.name() + "' (" + c.encoder() + " encoder " + c.encoderSizes() + ", " + c.decoder()
                + " decoder " + c.decoderSizes() + (c.conductorSizes().isEmpty() ? "" : ", conductor " + c.conductorSizes())
                + ", z " + c.zSize() + ", " + c.numClasses() + " classes)";
    }

    /** Magenta's conditioned models (chords, controls) feed extra inputs to the first layers. */
    private static String hint(String name, int[] actual, int[] expected) {
        boolean firstLayer = name.endsWith("cell_0/lstm_cell/kernel");
        if (firstLayer && actual.length == 2 && expected.length == 2 && actual[1] == expected[1]
                && actual[0] > expected[0]) {
            return "; its " + (actual[0] - expected[0]) + " extra input rows suggest chord or control "
                    + "conditioning, which is not supported";
        }
        return "";
    }
}
