package org.melodypalette.model.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.melodypalette.model.api.DecodeOptions;
import org.melodypalette.model.api.Encoding;
import org.melodypalette.model.api.EvaluationFidelity;
import org.melodypalette.model.api.EvaluationFidelity.Exactness;
import org.melodypalette.model.api.EvaluationFidelity.Paths;
import org.melodypalette.model.api.EvaluationFidelity.Quantiles;
import org.melodypalette.model.api.FidelityOptions;
import org.melodypalette.model.api.Hamming;
import org.melodypalette.model.api.Interpolation;
import org.melodypalette.model.api.LatentCodec;
import org.melodypalette.model.api.LatentVector;
import org.melodypalette.model.api.MorphPath;
import org.melodypalette.model.api.RefineOptions;
import org.melodypalette.model.data.Seeds;
import org.melodypalette.music.TimeGrid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes an {@link EvaluationFidelity} (definitions there) through the API the workbench uses:
 * each window's posterior mean (and, if asked, refined code) decoded by argmax, and paths of
 * {@link MorphPath#uniform} (and, between refined codes, {@link MorphPath#evenChange} as the workbench
 * spaces them) between the codes of the pairs {@link InterpolationEvaluator} picks for the same seed.
 */
public final class FidelityEvaluator {

    /** Windows refined together: refinement is batched, and finished windows leave the batch. */
    static final int REFINE_BATCH = 32;

    private static final Logger LOG = LoggerFactory.getLogger(FidelityEvaluator.class);

    private FidelityEvaluator() {
    }

    /** @param windows canonical label windows ({@link EvalLabels}) of the model's length */
    public static EvaluationFidelity evaluate(LatentCodec codec, List<int[]> windows, FidelityOptions options,
                                              Interpolation path, long seed) {
        int numSteps = codec.info().numSteps();
        int bars = Math.max(1, numSteps / codec.info().stepsPerBar());
        TimeGrid grid = codec.melody(new int[numSteps]).grid();
        int[][] modelLabels = new int[windows.size()][];
        for (int w = 0; w < modelLabels.length; w++) {
            if (windows.get(w).length != numSteps) {
                throw new IllegalArgumentException("a window of " + windows.get(w).length + " steps; the model has "
                        + numSteps);
            }
            modelLabels[w] = codec.labels(EvalLabels.melody(windows.get(w), grid));
        }
        float[][] means = codec.encodeLabels(modelLabels);
        Exactness mean = exactness(codec, windows, means, bars, null, null, null);
        Encoding[] refined = new Encoding[windows.size()];
        Exactness refinedExactness = null;
        int[] sample = new int[0];
        if (options.refineWindows()) {
            sample = IntStream.range(0, windows.size()).filter(w -> w % options.refineStride() == 0).toArray();
            refine(codec, modelLabels, sample, options.refine(), refined);
            refinedExactness = refinedExactness(codec, windows, refined, sample, bars, options.refine());
        }
        if (options.pairs() == 0) {
            return new EvaluationFidelity(windows.size(), mean, refinedExactness, sample.length, null, null, null);
        }
        int[][] pairs = pairs(windows, options.pairs(), seed);
        int[] ends = Arrays.stream(pairs).flatMapToInt(Arrays::stream).distinct()
                .filter(w -> refined[w] == null).toArray();
        refine(codec, modelLabels, ends, options.refine(), refined);
        PathTally meanPaths = new PathTally();
        PathTally refinedPaths = new PathTally();
        PathTally refinedEvenPaths = new PathTally();
        for (int[] pair : pairs) {
            int[] a = windows.get(pair[0]);
            int[] b = windows.get(pair[1]);
            meanPaths.add(path(codec, MorphPath.uniform(options.points())
                    .points(new LatentVector(means[pair[0]]), new LatentVector(means[pair[1]]), path)), a, b);
            LatentVector za = refined[pair[0]].z();
            LatentVector zb = refined[pair[1]].z();
            refinedPaths.add(path(codec, MorphPath.uniform(options.points()).points(za, zb, path)), a, b);
            refinedEvenPaths.add(path(codec, codec.evenPath(za, zb, options.points(), path).points(za, zb, path)), a, b);
        }
        return new EvaluationFidelity(windows.size(), mean, refinedExactness, sample.length,
                meanPaths.report(options.points(), path), refinedPaths.report(options.points(), path),
                refinedEvenPaths.report(options.points(), path));
    }

    /** The pairs (window indices) {@link InterpolationEvaluator} picks for {@code seed}. */
    static int[][] pairs(List<int[]> windows, int count, long seed) {
        List<Integer> candidates = new ArrayList<>();
        for (int w = 0; w < windows.size(); w++) {
            if (!EvalLabels.isSilent(windows.get(w))) {
                candidates.add(w);
            }
        }
        if (candidates.size() < 2) {
            throw new IllegalArgumentException("interpolation needs at least 2 windows with notes, the data has "
                    + candidates.size());
        }
        int[][] pairs = new int[count][];
        for (int p = 0; p < count; p++) {
            SplittableRandom random = Seeds.random(seed, InterpolationEvaluator.PAIRS_STREAM, p);
            int[] picked = InterpolationEvaluator.pick(candidates.size(), random);
            pairs[p] = new int[] {candidates.get(picked[0]), candidates.get(picked[1])};
        }
        return pairs;
    }

    /** Refines the windows {@code which} in batches into {@code out[w]}. */
    private static void refine(LatentCodec codec, int[][] modelLabels, int[] which, RefineOptions options,
                               Encoding[] out) {
        for (int from = 0; from < which.length; from += REFINE_BATCH) {
            int to = Math.min(which.length, from + REFINE_BATCH);
            int[][] batch = new int[to - from][];
            for (int k = from; k < to; k++) {
                batch[k - from] = modelLabels[which[k]];
            }
            List<Encoding> encodings = codec.encodeLabels(batch, options);
            for (int k = from; k < to; k++) {
                out[which[k]] = encodings.get(k - from);
            }
            LOG.info("refined {} of {} windows", to, which.length);
        }
    }

    /** Exactness of the refined codes of the windows {@code sample}. */
    private static Exactness refinedExactness(LatentCodec codec, List<int[]> windows, Encoding[] refined, int[] sample,
                                              int bars, RefineOptions options) {
        float[][] z = new float[sample.length][];
        double[] steps = new double[sample.length];
        double[] millis = new double[sample.length];
        List<int[]> sampled = new ArrayList<>();
        for (int k = 0; k < sample.length; k++) {
            Encoding e = refined[sample[k]];
            z[k] = e.z().toArray();
            steps[k] = e.steps();
            millis[k] = e.millis();
            sampled.add(windows.get(sample[k]));
        }
        return exactness(codec, sampled, z, bars, quantiles(steps), quantiles(millis), options);
    }

    /** Argmax decodes of {@code z} against the windows. */
    private static Exactness exactness(LatentCodec codec, List<int[]> windows, float[][] z, int bars, Quantiles steps,
                                       Quantiles millis, RefineOptions options) {
        int[][] decoded = codec.decodeLabels(z, DecodeOptions.ARGMAX);
        int numSteps = codec.info().numSteps();
        int barLength = numSteps / bars;
        long exact = 0;
        long withinOne = 0;
        long withinTwo = 0;
        long exactBars = 0;
        for (int w = 0; w < decoded.length; w++) {
            int[] got = EvalLabels.of(codec.melody(decoded[w]), numSteps);
            int[] want = windows.get(w);
            int wrong = 0;
            for (int bar = 0; bar < bars; bar++) {
                int barWrong = 0;
                for (int t = bar * barLength; t < (bar + 1) * barLength; t++) {
                    barWrong += got[t] == want[t] ? 0 : 1;
                }
                exactBars += barWrong == 0 ? 1 : 0;
                wrong += barWrong;
            }
            exact += wrong == 0 ? 1 : 0;
            withinOne += wrong <= 1 ? 1 : 0;
            withinTwo += wrong <= 2 ? 1 : 0;
        }
        double n = decoded.length;
        return new Exactness(exact / n, withinOne / n, withinTwo / n, exactBars / (n * bars), steps, millis, options);
    }

    /** The canonical labels of the argmax decodes of {@code points}. */
    private static int[][] path(LatentCodec codec, List<LatentVector> points) {
        float[][] z = new float[points.size()][];
        for (int i = 0; i < z.length; i++) {
            z[i] = points.get(i).toArray();
        }
        int[][] decoded = codec.decodeLabels(z, DecodeOptions.ARGMAX);
        int[][] labels = new int[decoded.length][];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = EvalLabels.of(codec.melody(decoded[i]), codec.info().numSteps());
        }
        return labels;
    }

    /** Nearest-rank median, 90th percentile and largest. */
    static Quantiles quantiles(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return new Quantiles(sorted[(int) Math.ceil(0.5 * n) - 1], sorted[(int) Math.ceil(0.9 * n) - 1], sorted[n - 1]);
    }

    /** Sums of the path figures over pairs. */
    private static final class PathTally {

        private int pairs;
        private double distinct;
        private double largest;
        private double worst;
        private int endsEqual;

        void add(int[][] path, int[] a, int[] b) {
            Set<List<Integer>> melodies = new HashSet<>();
            double pathLargest = 0;
            for (int i = 0; i < path.length; i++) {
                melodies.add(Arrays.stream(path[i]).boxed().toList());
                if (i > 0) {
                    pathLargest = Math.max(pathLargest, Hamming.normalized(path[i - 1], path[i]));
                }
            }
            pairs++;
            distinct += melodies.size();
            largest += pathLargest;
            worst = Math.max(worst, pathLargest);
            endsEqual += Arrays.equals(path[0], a) && Arrays.equals(path[path.length - 1], b) ? 1 : 0;
        }

        Paths report(int points, Interpolation path) {
            return new Paths(pairs, points, path, distinct / pairs, largest / pairs, worst, endsEqual / (double) pairs);
        }
    }
}
