package org.melodypalette.model.train;

import java.nio.file.Path;
import org.melodypalette.datasets.LabelWindows;
import org.melodypalette.datasets.WindowDataset;
import org.melodypalette.model.checkpoint.CheckpointException;
import org.melodypalette.model.config.TrainingConfig;
import org.melodypalette.model.data.TrainingBatches;

/**
 * What a trainer reads of its dataset: the seeded batches of the train split, the eval windows, and
 * the train split's fingerprint and size, which a checkpoint records so that a run resumes only on
 * the data it began with.
 */
record TrainingWindows(TrainingBatches batches, LabelWindows eval, long fingerprint, int trainCount) {

    /** @param evalWindows eval windows per evaluation (the first ones); 0 = all */
    static TrainingWindows of(WindowDataset data, TrainingConfig training, int numClasses, long seed,
                              int evalWindows) {
        return new TrainingWindows(new TrainingBatches(data.train(), training.batchSize(),
                training.transposeSemitones(), numClasses, seed), Evaluator.first(data.eval(), evalWindows),
                TrainingBatches.fingerprint(data.train()), data.train().count());
    }

    /** Refuses to resume {@code state}, saved in {@code folder}, on train windows other than its own. */
    static void requireSameData(TrainingState state, WindowDataset data, Path folder) throws CheckpointException {
        if (state.datasetFingerprint() != TrainingBatches.fingerprint(data.train())) {
            throw new CheckpointException(folder, "was trained on other data (" + state.trainWindows()
                    + " train windows); resume it with the same dataset file");
        }
    }

    /** The state to checkpoint at {@code step}. */
    TrainingState state(long step, long seed, double elapsedSeconds) {
        return new TrainingState(step, seed, fingerprint, trainCount, elapsedSeconds);
    }
}
