package org.melodypalette.model.api;

import java.io.IOException;
import java.nio.file.Path;
import org.melodypalette.datasets.LabelWindows;
import org.melodypalette.datasets.WindowDataset;
import org.melodypalette.datasets.WindowDatasetFile;
import org.melodypalette.model.checkpoint.LoadedCheckpoint;
import org.melodypalette.model.config.ModelConfig;
import org.melodypalette.model.train.Evaluator;
import org.melodypalette.model.train.NativeThreads;
import org.melodypalette.model.train.TrainingCheckpoint;

/**
 * Evaluates a checkpoint (ours, or a magenta.js one that has the posterior's sigma) on a window dataset file: reconstruction accuracy
 * (teacher-forced and sampled at temperature 1.0), KL and ELBO, defined in {@link EvaluationReport}.
 * Deterministic for a seed.
 */
public final class Evaluation {

    /** Forward batch size; does not change the figures. */
    static final int BATCH = 64;

    private Evaluation() {
    }

    /** All windows of the split, seed 0. */
    public static EvaluationReport evaluate(Path checkpoint, Path datasetFile, EvaluationSplit split)
            throws IOException {
        return evaluate(checkpoint, datasetFile, split, 0L, 0);
    }

    /** The split's first {@code maxWindows} (0 = all) with {@link TrainingOptions#DEFAULT_THREADS}. */
    public static EvaluationReport evaluate(Path checkpoint, Path datasetFile, EvaluationSplit split, long seed,
                                            int maxWindows) throws IOException {
        return evaluate(checkpoint, datasetFile, split, seed, maxWindows, TrainingOptions.DEFAULT_THREADS);
    }

    /**
     * @param seed       seed of the posterior noise and of the sampling
     * @param maxWindows evaluate only the split's first windows; 0 = all
     * @param threads    native threads per op; 0 keeps ND4J's default (see {@link TrainingOptions#threads()})
     */
    public static EvaluationReport evaluate(Path checkpoint, Path datasetFile, EvaluationSplit split, long seed,
                                            int maxWindows, int threads) throws IOException {
        if (threads > 0) {
            NativeThreads.limit(threads);
        }
        LoadedCheckpoint model = TrainingCheckpoint.readModel(checkpoint);
        ModelConfig config = model.config();
        WindowDataset data = WindowDatasetFile.read(datasetFile);
        TrainingRun.requireCompatible(config, data, datasetFile);
        LabelWindows windows = Evaluator.first(Evaluator.windows(data, split), maxWindows);
        if (windows.count() == 0) {
            throw new IOException(datasetFile + ": the " + split + " split has no windows");
        }
        return Evaluator.evaluate(config, model.weights(), windows, split, TrainingCheckpoint.readStep(checkpoint), seed, BATCH);
    }
}
