package org.melodypalette.model.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.melodypalette.datasets.WindowDataset;
import org.melodypalette.datasets.WindowDatasetFile;
import org.melodypalette.model.api.ContinuationEvaluation;
import org.melodypalette.model.checkpoint.WeightTensor;
import org.melodypalette.model.config.ComputeOptions;
import org.melodypalette.model.eval.BigramModel;
import org.melodypalette.model.train.ContinuationCheckpoint;
import org.melodypalette.model.train.ContinuationEvaluator;
import org.melodypalette.model.train.Evaluator;

/**
 * A continuation checkpoint held out on a dataset's eval split: per-step accuracy, log-likelihood and
 * perplexity, beside a bigram baseline fitted on the same dataset's train split (the model card's margin).
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
        ContinuationTraining.requireWholeBars(model.config(), data, dataset);
        Map<String, float[]> weights = new LinkedHashMap<>();
        for (WeightTensor t : model.weights().tensors()) {
            weights.put(t.name(), t.values());
        }
        int shards = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        return ContinuationEvaluator.evaluate(model.config(), weights, Evaluator.first(data.eval(), maxWindows),
                BigramModel.fit(data.train(), model.config().numClasses()), model.step(), shards,
                ComputeOptions.fromSystemProperties().kernel());
    }
}
