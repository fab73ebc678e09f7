package org.melodypalette.model.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import org.melodypalette.datasets.LabelWindows;
import org.melodypalette.datasets.WindowDataset;
import org.melodypalette.datasets.WindowDatasetFile;
import org.melodypalette.model.checkpoint.WeightTensor;
import org.melodypalette.model.config.ComputeOptions;
import org.melodypalette.model.eval.BigramModel;
import org.melodypalette.model.eval.ContinuationRealism;
import org.melodypalette.model.train.ContinuationCheckpoint;
import org.melodypalette.model.train.ContinuationEvaluator;
import org.melodypalette.model.train.Evaluator;

/**
 * A continuation checkpoint held out on a dataset's eval split: per-step accuracy, log-likelihood and
 * perplexity, beside a bigram baseline fitted on the same dataset's train split (the model card's margin);
 * and how its continuations of the eval windows' first bars compare with what really followed.
 */
public final class ContinuationEvaluations {

    private ContinuationEvaluations() {
    }

    /**
     * @param maxWindows the first eval windows to use; 0 = all
     * @param threads    shards of each batch (0 = one per core)
     */
    public static ContinuationEvaluation evaluate(Path checkpoint, Path dataset, int maxWindows, int threads)
            throws IOException {
        ContinuationCheckpoint.Model model = ContinuationCheckpoint.readModel(checkpoint);
        WindowDataset data = WindowDatasetFile.read(dataset);
        if (data.numSteps() % model.config().stepsPerBar() != 0) {
            throw new IOException(dataset + ": windows of " + data.numSteps() + " steps are not whole bars of "
                    + model.config().stepsPerBar() + " steps");
        }
        Map<String, float[]> weights = new LinkedHashMap<>();
        for (WeightTensor t : model.weights().tensors()) {
            weights.put(t.name(), t.values());
        }
        int shards = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        return ContinuationEvaluator.evaluate(model.config(), weights, Evaluator.first(data.eval(), maxWindows),
                BigramModel.fit(data.train(), model.config().numClasses()), model.step(), shards,
                ComputeOptions.fromSystemProperties().kernel());
    }

    /**
     * {@link ContinuationRealism} on a dataset's eval windows: each window's first {@code primerBars} bars
     * prime the checkpoint, which writes the rest of the window (one candidate, {@code temperature},
     * {@code topP}).
     *
     * @param maxWindows the first eval windows to use; 0 = all
     * @param primerBars bars of each window that prime the model; 0 = half the window's bars (at least one)
     */
    public static EvaluationRealism realism(Path checkpoint, Path dataset, int maxWindows, int primerBars,
                                            double temperature, double topP, long seed) throws IOException {
        WindowDataset data = WindowDatasetFile.read(dataset);
        LabelWindows eval = Evaluator.first(data.eval(), maxWindows);
        List<int[]> windows = new ArrayList<>(eval.count());
        for (int w = 0; w < eval.count(); w++) {
            windows.add(eval.window(w));
        }
        try (MelodyContinuer continuer = MelodyContinuer.open(checkpoint)) {
            int perBar = continuer.config().stepsPerBar();
            int bars = data.numSteps() / perBar;
            int primeBars = primerBars > 0 ? primerBars : Math.max(1, bars / 2);
            if (data.numSteps() % perBar != 0 || primeBars * perBar >= data.numSteps()) {
                throw new IOException(dataset + ": windows of " + data.numSteps() + " steps cannot be cut into "
                        + primeBars + " bar(s) of primer and at least one bar of continuation");
            }
            ContinuationRealism.Continuer tails = (primer, steps, seedOfTail) -> {
                int[] labels = continuer.continueLabels(primer, steps,
                        ContinuationOptions.of(1, temperature, topP, seedOfTail)).get(0);
                return Arrays.copyOfRange(labels, primer.length, labels.length);
            };
            return ContinuationRealism.evaluate(tails, windows, primeBars * perBar, perBar, temperature, seed);
        }
    }
}
