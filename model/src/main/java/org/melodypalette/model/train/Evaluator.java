package org.melodypalette.model.train;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.melodypalette.datasets.LabelWindows;
import org.melodypalette.datasets.WindowDataset;
import org.melodypalette.model.api.DecodeOptions;
import org.melodypalette.model.api.EvaluationReport;
import org.melodypalette.model.api.EvaluationSplit;
import org.melodypalette.model.checkpoint.WeightSet;
import org.melodypalette.model.config.ModelConfig;
import org.melodypalette.model.data.MelodyTensors;
import org.melodypalette.model.data.Seeds;
import org.melodypalette.model.infer.InferenceModel;
import org.melodypalette.model.net.MusicVaeGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Computes an {@link EvaluationReport} (see its Javadoc for the exact definitions) by running the
 * training graph teacher-forced and sampling from the same posterior samples with the
 * {@link InferenceModel} users run.
 */
public final class Evaluator {

    /** Sampled accuracy uses softmax at this temperature, as the MusicVAE paper reports it. */
    public static final double SAMPLING_TEMPERATURE = 1.0;

    private Evaluator() {
    }

    /** Builds a float32 graph for the weights and evaluates it. */
    public static EvaluationReport evaluate(ModelConfig config, WeightSet weights, LabelWindows windows,
                                            EvaluationSplit split, long step, long seed, int batchSize) {
        return evaluate(MusicVaeGraph.build(config, weights, DataType.FLOAT), windows, split, step, seed, batchSize);
    }

    /**
     * @param windows   the windows to evaluate, in batches of {@code batchSize}
     * @param step      the checkpoint's step, recorded in the report
     */
    public static EvaluationReport evaluate(MusicVaeGraph graph, LabelWindows windows, EvaluationSplit split,
                                            long step, long seed, int batchSize) {
        ModelConfig config = graph.config();
        if (windows.numSteps() != config.numSteps()) {
            throw new IllegalArgumentException("windows have " + windows.numSteps() + " steps, the model "
                    + config.numSteps());
        }
        if (windows.count() == 0) {
            throw new IllegalArgumentException("the " + split.name().toLowerCase(Locale.ROOT)
                    + " split has no windows to evaluate");
        }
        // Training keeps its step's arrays for the next step; evaluation's shapes differ, so it
        // runs on arrays of its own and does not make training allocate its arrays again.
        try (InferenceModel decoder = InferenceModel.of(config, graph.weights())) {
            return graph.withOwnRunArrays(() -> evaluateBatches(graph, decoder, windows, split, step, seed, batchSize));
        }
    }

    private static EvaluationReport evaluateBatches(MusicVaeGraph graph, InferenceModel decoder,
                                                    LabelWindows windows, EvaluationSplit split, long step,
                                                    long seed, int batchSize) {
        ModelConfig config = graph.config();
        long teacherForcedHits = 0;
        long sampledHits = 0;
        double reconstruction = 0;
        double kl = 0;
        int count = windows.count();
        for (int start = 0, batchIndex = 0; start < count; start += batchSize, batchIndex++) {
            int[][] labels = new int[Math.min(batchSize, count - start)][];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = windows.window(start + i);
            }
            INDArray eps = gaussian(labels.length, config.zSize(), Seeds.random(seed, Seeds.LATENT_NOISE, batchIndex));
            Map<String, INDArray> out = graph.sameDiff().output(
                    graph.feed(MelodyTensors.oneHot(labels, config.numClasses(), graph.dataType()), eps, 0.0),
                    MusicVaeGraph.LOGITS, MusicVaeGraph.R_LOSS, MusicVaeGraph.KL, MusicVaeGraph.Z);
            teacherForcedHits += matches(MelodyTensors.argmaxLabels(out.get(MusicVaeGraph.LOGITS), config.numSteps()),
                    labels);
            int[][] sampled = decoder.decode(out.get(MusicVaeGraph.Z).toFloatMatrix(), DecodeOptions.sampling(
                    SAMPLING_TEMPERATURE, Seeds.random(seed, Seeds.SAMPLING, batchIndex).nextLong()));
            sampledHits += matches(sampled, labels);
            reconstruction += out.get(MusicVaeGraph.R_LOSS).sumNumber().doubleValue();
            kl += out.get(MusicVaeGraph.KL).sumNumber().doubleValue();
            graph.closeRunArrays();
        }
        double steps = (double) count * config.numSteps();
        return new EvaluationReport(split, count, step, teacherForcedHits / steps, sampledHits / steps,
                reconstruction / count, kl / count, -(reconstruction + kl) / count, seed);
    }

    /** Equal labels, counted over all rows and steps. */
    static long matches(int[][] actual, int[][] expected) {
        long hits = 0;
        for (int b = 0; b < expected.length; b++) {
            for (int t = 0; t < expected[b].length; t++) {
                if (actual[b][t] == expected[b][t]) {
                    hits++;
                }
            }
        }
        return hits;
    }

    /** {@code [rows, columns]} of N(0, 1) draws from {@code random}, row by row. */
    static INDArray gaussian(int rows, int columns, SplittableRandom random) {
        return Nd4j.create(gaussianValues(rows, columns, random), new long[] {rows, columns}, 'c')
                .castTo(DataType.FLOAT);
    }

    /** {@link #gaussian}'s values, row-major. */
    static float[] gaussianValues(int rows, int columns, SplittableRandom random) {
        float[] values = new float[rows * columns];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }

    /** The windows a split names; {@code ALL} is train then eval. */
    public static LabelWindows windows(WindowDataset data, EvaluationSplit split) {
        return switch (split) {
            case TRAIN -> data.train();
            case EVAL -> data.eval();
            case ALL -> {
                byte[] train = data.train().toFlat();
                byte[] eval = data.eval().toFlat();
                byte[] all = Arrays.copyOf(train, train.length + eval.length);
                System.arraycopy(eval, 0, all, train.length, eval.length);
                yield LabelWindows.fromFlat(data.numSteps(), all);
            }
        };
    }

    /** The first {@code max} windows (all if {@code max} is 0 or larger than the count). */
    public static LabelWindows first(LabelWindows windows, int max) {
        if (max <= 0 || max >= windows.count()) {
            return windows;
        }
        return LabelWindows.fromFlat(windows.numSteps(),
                Arrays.copyOf(windows.toFlat(), max * windows.numSteps()));
    }
}
