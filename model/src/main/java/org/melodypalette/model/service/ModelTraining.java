package org.melodypalette.model.service;

import java.io.IOException;
import java.nio.file.Path;
import org.melodypalette.datasets.WindowDataset;
import org.melodypalette.model.api.TrainingOptions;
import org.melodypalette.model.train.ModelTrainer;
import org.melodypalette.model.train.Trainer;

/**
 * What {@link TrainingRun} leaves to the model it trains: its checkpoint, which model the options ask
 * for, which windows suit it, and its trainer. {@link MusicVaeTraining} and {@link ContinuationTraining}.
 */
interface ModelTraining {

    /** Refuses options this model cannot use, before anything is read. */
    default void requireSupported(TrainingOptions options) throws IOException {
    }

    /** Whether {@code out} (after recovering from a crash in the middle of a checkpoint) holds this model's checkpoint. */
    boolean holdsCheckpoint(Path out) throws IOException;

    /**
     * The run checkpointed in {@code options.outputDir()}, to continue.
     *
     * @throws IOException one sentence naming the folder or dataset file when the checkpoint is of
     *                     another model than the options ask for, or does not suit the data
     */
    ModelTrainer resume(TrainingOptions options, WindowDataset data, Trainer.Settings settings) throws IOException;

    /**
     * A new run of the model the options ask for, in an empty or missing {@code options.outputDir()}.
     *
     * @throws IOException one sentence when the options name no model or it does not suit the data
     */
    ModelTrainer start(TrainingOptions options, WindowDataset data, Trainer.Settings settings) throws IOException;
}
