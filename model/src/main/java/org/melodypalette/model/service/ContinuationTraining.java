package org.melodypalette.model.service;

import java.io.IOException;
import java.nio.file.Path;
import org.melodypalette.datasets.WindowDataset;
import org.melodypalette.datasets.WindowDatasetFile;
import org.melodypalette.model.api.TrainingListener;
import org.melodypalette.model.api.TrainingOptions;
import org.melodypalette.model.api.TrainingResult;
import org.melodypalette.model.config.ContinuationConfig;
import org.melodypalette.model.config.ContinuationPresets;
import org.melodypalette.model.train.ContinuationCheckpoint;
import org.melodypalette.model.train.ContinuationTrainer;
import org.melodypalette.model.train.Trainer;

/**
 * Starts or resumes a continuation model's training ({@code palette train --preset continue_…}): the
 * same options, checkpoint folder rules, resume and stop behaviour as {@link TrainingRun}, on windows
 * of any whole number of bars.
 */
public final class ContinuationTraining {

    private ContinuationTraining() {
    }

    /** Whether {@code options} ask for a continuation model: a {@code continue_} preset, or its checkpoint in the output folder. */
    public static boolean wanted(TrainingOptions options) throws IOException {
        return ContinuationPresets.isContinuation(options.preset())
                || options.preset() == null && ContinuationCheckpoint.isContinuation(options.outputDir());
    }

    public static TrainingResult run(TrainingOptions options, TrainingListener listener) throws IOException {
        if (options.initFrom() != null) {
            throw new IOException("--init-from is for MusicVAE presets; a continuation run starts from its own checkpoint");
        }
        WindowDataset data = WindowDatasetFile.read(options.dataset());
        Path out = options.outputDir();
        Trainer.Settings settings = TrainingRun.settings(options);
        ContinuationTrainer trainer;
        if (ContinuationCheckpoint.exists(out)) {
            if (!options.resume()) {
                throw new IOException(out + " already holds a training checkpoint; resume it or choose another folder");
            }
            ContinuationCheckpoint.Contents saved = ContinuationCheckpoint.read(out);
            if (options.preset() != null && !ContinuationPresets.byName(options.preset()).equals(saved.config())) {
                throw new IOException(out + " holds a checkpoint of " + saved.config().name()
                        + ", which differs from the requested " + options.preset());
            }
            requireWholeBars(saved.config(), data, options.dataset());
            trainer = ContinuationTrainer.resume(saved, data, settings);
        } else {
            if (options.preset() == null) {
                throw new IOException(out + " holds no checkpoint to resume; give a preset to start a new run");
            }
            ContinuationConfig config = ContinuationPresets.byName(options.preset());
            TrainingRun.requireEmptyOrMissing(out);
            requireWholeBars(config, data, options.dataset());
            trainer = ContinuationTrainer.start(config, data, settings);
        }
        try (trainer) {
            return trainer.run(listener);
        }
    }

    static void requireWholeBars(ContinuationConfig config, WindowDataset data, Path file) throws IOException {
        if (data.numSteps() % config.stepsPerBar() != 0) {
            throw new IOException(file + ": windows of " + data.numSteps() + " steps are not whole bars of "
                    + config.stepsPerBar() + " steps");
        }
    }
}
