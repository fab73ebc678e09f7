package org.melodypalette.model.service;

import java.io.IOException;
import java.nio.file.Path;
import org.melodypalette.datasets.WindowDataset;
import org.melodypalette.model.api.TrainingOptions;
import org.melodypalette.model.config.ContinuationConfig;
import org.melodypalette.model.config.ContinuationPresets;
import org.melodypalette.model.train.ContinuationCheckpoint;
import org.melodypalette.model.train.ContinuationTrainer;
import org.melodypalette.model.train.ModelTrainer;
import org.melodypalette.model.train.Trainer;

/**
 * The continuation model's part of a {@link TrainingRun} ({@code palette train --preset continue_…}):
 * a {@code continue_} preset, windows of any whole number of bars, no warm start.
 */
public final class ContinuationTraining implements ModelTraining {

    ContinuationTraining() {
    }

    /** Whether {@code options} ask for a continuation model: a {@code continue_} preset, or its checkpoint in the output folder. */
    public static boolean wanted(TrainingOptions options) throws IOException {
        return ContinuationPresets.isContinuation(options.preset())
                || options.preset() == null && ContinuationCheckpoint.isContinuation(options.outputDir());
    }

    @Override
    public void requireSupported(TrainingOptions options) throws IOException {
        if (options.initFrom() != null) {
            throw new IOException("--init-from is for MusicVAE presets; a continuation run starts from its own checkpoint");
        }
    }

    @Override
    public boolean holdsCheckpoint(Path out) throws IOException {
        return ContinuationCheckpoint.exists(out);
    }

    @Override
    public ModelTrainer resume(TrainingOptions options, WindowDataset data, Trainer.Settings settings)
            throws IOException {
        Path out = options.outputDir();
        ContinuationCheckpoint.Contents saved = ContinuationCheckpoint.read(out);
        if (options.preset() != null && !ContinuationPresets.byName(options.preset()).equals(saved.config())) {
            throw new IOException(out + " holds a checkpoint of " + saved.config().name()
                    + ", which differs from the requested " + options.preset());
        }
        requireWholeBars(saved.config(), data, options.dataset());
        return ContinuationTrainer.resume(saved, data, settings);
    }

    @Override
    public ModelTrainer start(TrainingOptions options, WindowDataset data, Trainer.Settings settings)
            throws IOException {
        if (options.preset() == null) {
            throw new IOException(options.outputDir() + " holds no checkpoint to resume; give a preset to start a new run");
        }
        ContinuationConfig config = ContinuationPresets.byName(options.preset());
        requireWholeBars(config, data, options.dataset());
        return ContinuationTrainer.start(config, data, settings);
    }

    static void requireWholeBars(ContinuationConfig config, WindowDataset data, Path file) throws IOException {
        if (data.numSteps() % config.stepsPerBar() != 0) {
            throw new IOException(file + ": windows of " + data.numSteps() + " steps are not whole bars of "
                    + config.stepsPerBar() + " steps");
        }
    }
}
