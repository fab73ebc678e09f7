package org.melodypalette.model.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.melodypalette.model.api.ModelInfo;
import org.melodypalette.model.checkpoint.CheckpointFolder;
import org.melodypalette.model.config.ModelConfig;
import org.melodypalette.model.config.ModelConfigJson;
import org.melodypalette.model.config.ModelPresets;
import org.melodypalette.model.train.TrainingCheckpoint;

/**
 * What a {@link TrainingRun} would train, known before starting it: the presets, the model of a
 * {@code config.json}, and the run a checkpoint folder already holds. A caller building the
 * dataset needs the window length ({@link ModelInfo#numSteps()}, {@link ModelInfo#stepsPerBar()})
 * and a caller offering "resume" needs to know there is something to resume. Every
 * {@link ModelInfo} here has no attribute vectors.
 */
public final class TrainingSetup {

    /** What {@link ModelInfo#source()} says for a preset. */
    public static final String PRESET_SOURCE = "preset";

    /**
     * A run saved in a checkpoint folder.
     *
     * @param model the checkpoint's model ({@link ModelInfo#source()} is the folder)
     * @param step  the step the checkpoint holds; a resumed run continues from it
     */
    public record SavedRun(ModelInfo model, long step) {
    }

    private TrainingSetup() {
    }

    /** Every preset, by name. */
    public static List<ModelInfo> presets() {
        return ModelPresets.names().stream().map(name -> describe(ModelPresets.byName(name), PRESET_SOURCE)).toList();
    }

    /**
     * The preset of that name.
     *
     * @throws IllegalArgumentException listing the valid names
     */
    public static ModelInfo preset(String name) {
        return describe(ModelPresets.byName(name), PRESET_SOURCE);
    }

    /**
     * The model a {@code config.json} of our format describes.
     *
     * @throws IOException one line naming the file and the problem
     */
    public static ModelInfo configFile(Path file) throws IOException {
        return describe(ModelConfigJson.read(file), file.toString());
    }

    /**
     * The training run checkpointed in {@code folder} (after recovering from a crash in the middle
     * of a checkpoint, as {@link TrainingRun} does), or empty when the folder holds none.
     *
     * @throws IOException naming the file when the checkpoint's config or state cannot be read
     */
    public static Optional<SavedRun> savedRun(Path folder) throws IOException {
        if (!Files.isDirectory(folder) || !TrainingCheckpoint.exists(folder)) {
            return Optional.empty();
        }
        Path config = folder.resolve(CheckpointFolder.CONFIG_FILE);
        ModelConfig model = ModelConfigJson.read(config);
        return Optional.of(new SavedRun(describe(model, folder.toString()), TrainingCheckpoint.readStep(folder)));
    }

    private static ModelInfo describe(ModelConfig config, String source) {
        return new ModelInfo(config.name(), source, config.numSteps(), config.stepsPerBar(), config.zSize(),
                config.minPitch(), config.maxPitch(), List.of());
    }
}
