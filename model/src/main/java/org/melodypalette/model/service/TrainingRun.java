package org.melodypalette.model.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.melodypalette.datasets.WindowDataset;
import org.melodypalette.datasets.WindowDatasetFile;
import org.melodypalette.model.api.TrainingListener;
import org.melodypalette.model.api.TrainingOptions;
import org.melodypalette.model.api.TrainingResult;
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
import org.melodypalette.model.train.Trainer;
import org.melodypalette.model.train.TrainingCheckpoint;

/**
 * Starts or resumes MusicVAE training for the CLI and the app (a {@code continue_} preset, or a
 * continuation checkpoint to resume, goes to {@link ContinuationTraining}): {@link #run} blocks on the calling
 * thread until the run reaches {@link TrainingOptions#steps()} or the listener asks to stop, and
 * always leaves a complete checkpoint in {@link TrainingOptions#outputDir()} (at most one
 * checkpoint interval is lost if the process is killed). With a fixed seed, a run resumed from a
 * checkpoint ends with the same parameters as an uninterrupted one (CPU backend).
 */
public final class TrainingRun {

    /** Steps averaged into one entry of the checkpoint's {@code metrics.json} history. */
    public static final int HISTORY_INTERVAL = 10;

    private TrainingRun() {
    }

    /**
     * @throws IOException with one clear message if the dataset or an existing checkpoint cannot be
     *                     used, or the output folder holds something else
     */
    public static TrainingResult run(TrainingOptions options, TrainingListener listener) throws IOException {
        if (ContinuationTraining.wanted(options)) {
            return ContinuationTraining.run(options, listener);
        }
        WindowDataset data = WindowDatasetFile.read(options.dataset());
        if (options.threads() > 0) {
            NativeThreads.limit(options.threads());
        }
        Path out = options.outputDir();
        Trainer.Settings settings = settings(options);
        Trainer trainer;
        if (TrainingCheckpoint.exists(out)) {
            if (!options.resume()) {
                throw new IOException(out + " already holds a training checkpoint; resume it or choose another folder");
            }
            TrainingCheckpoint.Contents saved = TrainingCheckpoint.read(out);
            ModelConfig requested = requestedConfig(options);
            if (requested != null && !requested.equals(saved.config())) {
                throw new IOException(out + " holds a checkpoint of " + saved.config().name()
                        + ", which differs from the requested " + requested.name());
            }
            requireCompatible(saved.config(), data, options.dataset());
            ModelSizeLimits.requireTrainingFits(saved.config(), MemoryBudget.usableBytes());
            trainer = TrainingEngines.resume(saved, data, settings);
        } else {
            if (options.resume()) {
                throw new IOException(out + " holds no training checkpoint to resume; leave out --resume to start "
                        + "a new run there");
            }
            ModelConfig config = requestedConfig(options);
            if (config == null) {
                throw new IOException(out + " holds no checkpoint to resume; give a preset to start a new run");
            }
            requireEmptyOrMissing(out);
            requireCompatible(config, data, options.dataset());
            ModelSizeLimits.requireTrainingFits(config, MemoryBudget.usableBytes());
            trainer = options.initFrom() == null ? TrainingEngines.start(config, data, settings)
                    : warmStart(config, data, settings, options.initFrom());
        }
        try (trainer) {
            return trainer.run(listener);
        }
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

    /** The loop's settings of {@code options}, for either kind of model. */
    static Trainer.Settings settings(TrainingOptions options) {
        return new Trainer.Settings(options.outputDir(), options.steps(), options.checkpointInterval(),
                options.evalInterval(), options.evalWindows(), HISTORY_INTERVAL, options.seed(), options.threads());
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

    /** Fails unless {@code out} is missing or an empty folder: a new run never writes over other files. */
    static void requireEmptyOrMissing(Path out) throws IOException {
        if (Files.isDirectory(out)) {
            try (Stream<Path> entries = Files.list(out)) {
                if (entries.findAny().isPresent()) {
                    throw new IOException(out + " is not empty and holds no training checkpoint; "
                            + "choose a new or empty folder");
                }
            }
        } else if (Files.exists(out)) {
            throw new IOException(out + " is a file, not a folder");
        }
    }

    static void requireCompatible(ModelConfig config, WindowDataset data, Path datasetFile) throws IOException {
        if (data.numSteps() != config.numSteps()) {
            throw new IOException(datasetFile + ": windows have " + data.numSteps() + " steps but "
                    + config.name() + " needs " + config.numSteps());
        }
    }
}
