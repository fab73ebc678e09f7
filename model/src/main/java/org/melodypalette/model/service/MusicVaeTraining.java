package org.melodypalette.model.service;

import java.io.IOException;
import java.nio.file.Path;
import org.melodypalette.datasets.WindowDataset;
import org.melodypalette.model.api.TrainingOptions;
import org.melodypalette.model.checkpoint.LoadedCheckpoint;
import org.melodypalette.model.checkpoint.WeightSet;
import org.melodypalette.model.config.ModelConfig;
import org.melodypalette.model.config.ModelConfigJson;
import org.melodypalette.model.config.ModelPresets;
import org.melodypalette.model.config.ModelSizeLimits;
import org.melodypalette.model.graphtrain.MemoryBudget;
import org.melodypalette.model.graphtrain.NativeThreads;
import org.melodypalette.model.graphtrain.TrainingEngines;
import org.melodypalette.model.net.MusicVaeVariables;
import org.melodypalette.model.train.ModelTrainer;
import org.melodypalette.model.train.Trainer;
import org.melodypalette.model.train.TrainingCheckpoint;

/**
 * MusicVAE's part of a {@link TrainingRun}: a preset or {@code config.json}, windows of its length, a
 * size that fits the memory, ND4J's threads capped to the options', and an optional warm start
 * ({@link TrainingOptions#initFrom()}).
 */
final class MusicVaeTraining implements ModelTraining {

    @Override
    public boolean holdsCheckpoint(Path out) throws IOException {
        return TrainingCheckpoint.exists(out);
    }

    @Override
    public ModelTrainer resume(TrainingOptions options, WindowDataset data, Trainer.Settings settings)
            throws IOException {
        limitNativeThreads(options);
        Path out = options.outputDir();
        TrainingCheckpoint.Contents saved = TrainingCheckpoint.read(out);
        ModelConfig requested = requestedConfig(options);
        if (requested != null && !requested.equals(saved.config())) {
            throw new IOException(out + " holds a checkpoint of " + saved.config().name()
                    + ", which differs from the requested " + requested.name());
        }
        requireFits(saved.config(), data, options.dataset());
        return TrainingEngines.resume(saved, data, settings);
    }

    @Override
    public ModelTrainer start(TrainingOptions options, WindowDataset data, Trainer.Settings settings)
            throws IOException {
        limitNativeThreads(options);
        ModelConfig config = requestedConfig(options);
        if (config == null) {
            throw new IOException(options.outputDir() + " holds no checkpoint to resume; give a preset to start a new run");
        }
        requireFits(config, data, options.dataset());
        return options.initFrom() == null ? TrainingEngines.start(config, data, settings)
                : warmStart(config, data, settings, options.initFrom());
    }

    /** A new run from another checkpoint's weights and step; its variables must have this config's shapes. */
    private static Trainer warmStart(ModelConfig config, WindowDataset data, Trainer.Settings settings, Path from)
            throws IOException {
        LoadedCheckpoint start = TrainingCheckpoint.readModel(from);
        WeightSet weights;
        try {
            weights = MusicVaeVariables.select(config, start.weights());
        } catch (IllegalArgumentException e) {
            throw new IOException(from + ": cannot start " + config.name() + " from its weights: " + e.getMessage(), e);
        }
        return TrainingEngines.start(config, data, settings, weights, TrainingCheckpoint.readStep(from));
    }

    private static void limitNativeThreads(TrainingOptions options) {
        if (options.threads() > 0) {
            NativeThreads.limit(options.threads());
        }
    }

    private static ModelConfig requestedConfig(TrainingOptions options) throws IOException {
        if (options.preset() != null) {
            return ModelPresets.byName(options.preset());
        }
        if (options.configFile() != null) {
            return ModelConfigJson.read(options.configFile());
        }
        return null;
    }

    /** Windows of the model's length, and a model whose training fits the memory. */
    private static void requireFits(ModelConfig config, WindowDataset data, Path datasetFile) throws IOException {
        requireCompatible(config, data, datasetFile);
        ModelSizeLimits.requireTrainingFits(config, MemoryBudget.usableBytes());
    }

    static void requireCompatible(ModelConfig config, WindowDataset data, Path datasetFile) throws IOException {
        if (data.numSteps() != config.numSteps()) {
            throw new IOException(datasetFile + ": windows have " + data.numSteps() + " steps but "
                    + config.name() + " needs " + config.numSteps());
        }
    }
}
