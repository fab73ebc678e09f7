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
import org.melodypalette.model.train.ModelTrainer;
import org.melodypalette.model.train.Trainer;

/**
 * Starts or resumes training for the CLI and the app, of MusicVAE or (a {@code continue_} preset, or a
 * continuation checkpoint to resume) the continuation model, in one flow whose model-specific parts a
 * {@link ModelTraining} supplies: {@link #run} blocks on the calling thread until the run reaches
 * {@link TrainingOptions#steps()} or the listener asks to stop, and always leaves a complete checkpoint
 * in {@link TrainingOptions#outputDir()} (at most one checkpoint interval is lost if the process is
 * killed). A checkpoint is resumed only when asked, a new run never writes over other files, and with a
 * fixed seed a run resumed from a checkpoint ends with the same parameters as an uninterrupted one
 * (CPU backend).
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
        ModelTraining model = ContinuationTraining.wanted(options) ? new ContinuationTraining() : new MusicVaeTraining();
        model.requireSupported(options);
        WindowDataset data = WindowDatasetFile.read(options.dataset());
        Path out = options.outputDir();
        Trainer.Settings settings = new Trainer.Settings(out, options.steps(), options.checkpointInterval(),
                options.evalInterval(), options.evalWindows(), HISTORY_INTERVAL, options.seed(), options.threads());
        ModelTrainer trainer;
        if (model.holdsCheckpoint(out)) {
            if (!options.resume()) {
                throw new IOException(out + " already holds a training checkpoint; resume it or choose another folder");
            }
            trainer = model.resume(options, data, settings);
        } else {
            if (options.resume()) {
                throw new IOException(out + " holds no training checkpoint to resume; leave out --resume to start "
                        + "a new run there");
            }
            requireEmptyOrMissing(out);
            trainer = model.start(options, data, settings);
        }
        try (trainer) {
            return trainer.run(listener);
        }
    }

    /** Fails unless {@code out} is missing or an empty folder: a new run never writes over other files. */
    private static void requireEmptyOrMissing(Path out) throws IOException {
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
}
