package org.melodypalette.model.train;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.melodypalette.datasets.LabelWindows;
import org.melodypalette.datasets.WindowDataset;
import org.melodypalette.model.api.DecodeOptions;
import org.melodypalette.model.api.EvaluationReport;
import org.melodypalette.model.api.EvaluationSplit;
import org.melodypalette.model.config.ModelConfig;
import org.melodypalette.model.data.Seeds;
import org.melodypalette.model.infer.InferenceModel;

/**
 * Computes an {@link EvaluationReport} (see its Javadoc for the exact definitions) by running a
 * {@link TeacherForcedPass} (the training graph's) and sampling from the same posterior samples with
 * the {@link InferenceModel} users run.
 */
public final class Evaluator {

    /** Sampled accuracy uses softmax at this temperature, as the MusicVAE paper reports it. */
    public static final double SAMPLING_TEMPERATURE = 1.0;

    private Evaluator() {
    }

    /**
     * @param pass      the teacher-forced pass on the weights to evaluate
     * @param windows   the windows to evaluate, in batches of {@code batchSize}
     * @param step      the checkpoint's step, recorded in the report
     */
    public static EvaluationReport evaluate(ModelConfig config, TeacherForcedPass pass, LabelWindows windows,
                                            EvaluationSplit split, long step, long seed, int batchSize) {
        if (windows.numSteps() != config.numSteps()) {
            throw new IllegalArgumentException("windows have " + windows.numSteps() + " steps, the model "
                    + config.numSteps());
        }
        if (windows.count() == 0) {
            throw new IllegalArgumentException("the " + split.name().toLowerCase(Locale.ROOT)
                    + " split has no windows to evaluate");
        }
        try (InferenceModel decoder = InferenceModel.of(config, pass.weights())) {
            return pass.evaluation(() -> evaluateBatches(config, pass, decoder, windows, split, step, seed, batchSize));
        }
    }

    private static EvaluationReport evaluateBatches(ModelConfig config, TeacherForcedPass pass, InferenceModel decoder,
                                                    LabelWindows windows, EvaluationSplit split, long step,
                                                    long seed, int batchSize) {
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
            float[] eps = gaussianValues(labels.length, config.zSize(),
                    Seeds.random(seed, Seeds.LATENT_NOISE, batchIndex));
            TeacherForcedPass.Figures out = pass.run(labels, eps);
            teacherForcedHits += matches(out.predicted(), labels);
            int[][] sampled = decoder.decode(out.z(), DecodeOptions.sampling(
                    SAMPLING_TEMPERATURE, Seeds.random(seed, Seeds.SAMPLING, batchIndex).nextLong()));
            sampledHits += matches(sampled, labels);
            reconstruction += out.reconstructionSum();
            kl += out.klSum();
        }
        double steps = (double) count * config.numSteps();
        return new EvaluationReport(split, count, step, teacherForcedHits / steps, sampledHits / steps,
                reconstruction / count, kl / count, -(reconstruction + kl) / count, seed);
    }

    /** Equal labels, counted over all rows and steps. */
    public static long matches(int[][] actual, int[][] expected) {
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

    /** {@code [rows, columns]} of N(0, 1) draws from {@code random}, row by row, row-major. */
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
