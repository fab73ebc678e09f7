package org.melodypalette.model.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.melodypalette.model.api.DecodeOptions;
import org.melodypalette.model.api.EvaluationInterpolation;
import org.melodypalette.model.api.Hamming;
import org.melodypalette.model.api.Interpolation;
import org.melodypalette.model.api.LatentCodec;
import org.melodypalette.model.data.Seeds;
import org.melodypalette.music.Melody;
import org.melodypalette.music.TimeGrid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes an {@link EvaluationInterpolation} (definitions there) through the same API the
 * workbench interpolates with, {@link LatentCodec#interpolate}.
 *
 * <p>Pairs: for pair {@code p}, a generator {@code Seeds.random(seed, PAIRS_STREAM, p)} picks A
 * uniformly among the windows with notes, then B uniformly among the others, then the data-space
 * path's step order ({@link DataSpaceInterpolation}). Pairs may repeat when there are few windows.
 */
public final class InterpolationEvaluator {

    /** Random stream of the pairs, apart from the streams training and reconstruction use. */
    static final long PAIRS_STREAM = 0x5041495253L;

    private static final Logger LOG = LoggerFactory.getLogger(InterpolationEvaluator.class);

    private InterpolationEvaluator() {
    }

    /**
     * @param windows canonical label windows ({@link EvalLabels}) of the model's length
     * @param pairs   pairs to evaluate, at least 1
     * @param points  melodies per path, endpoints included, at least 3
     */
    public static EvaluationInterpolation evaluate(LatentCodec codec, List<int[]> windows, int pairs, int points,
                                                   Interpolation path, long seed) {
        if (pairs < 1) {
            throw new IllegalArgumentException("pairs " + pairs + " must be at least 1");
        }
        int numSteps = codec.info().numSteps();
        List<int[]> candidates = new ArrayList<>();
        for (int[] window : windows) {
            if (window.length != numSteps) {
                throw new IllegalArgumentException("a window of " + window.length + " steps; the model has " + numSteps);
            }
            if (!EvalLabels.isSilent(window)) {
                candidates.add(window);
            }
        }
        if (candidates.size() < 2) {
            throw new IllegalArgumentException("interpolation needs at least 2 windows with notes, the data has "
                    + candidates.size());
        }
        TimeGrid grid = codec.melody(new int[numSteps]).grid();
        PathStatistics latent = new PathStatistics(points);
        PathStatistics data = new PathStatistics(points);
        double distanceSum = 0;
        long endpointNotes = 0;
        long endpointNotesInKey = 0;
        for (int p = 0; p < pairs; p++) {
            SplittableRandom random = Seeds.random(seed, PAIRS_STREAM, p);
            int[] picked = pick(candidates.size(), random);
            int[] a = candidates.get(picked[0]);
            int[] b = candidates.get(picked[1]);
            int[] endpointPitches = concat(EvalLabels.onsetPitches(a), EvalLabels.onsetPitches(b));
            DiatonicKey key = DiatonicKey.bestFit(endpointPitches);
            endpointNotes += endpointPitches.length;
            endpointNotesInKey += key.countIn(endpointPitches);
            distanceSum += Hamming.normalized(a, b);
            latent.add(latentPath(codec, EvalLabels.melody(a, grid), EvalLabels.melody(b, grid), points, path), a, key);
            data.add(DataSpaceInterpolation.path(a, b, points, random), a, key);
            if ((p + 1) % 16 == 0) {
                LOG.debug("interpolated {} of {} pairs", p + 1, pairs);
            }
        }
        return new EvaluationInterpolation(pairs, points, path, distanceSum / pairs,
                PathStatistics.share(endpointNotesInKey, endpointNotes), latent.report(), data.report());
    }

    /** A pair of distinct indices below {@code count ≥ 2}: A uniformly, then B uniformly among the others. */
    static int[] pick(int count, SplittableRandom random) {
        int i = random.nextInt(count);
        int j = random.nextInt(count - 1);
        return new int[] {i, j >= i ? j + 1 : j};
    }

    /** The workbench's path: {@code mu} of A and B, {@code points} points, each decoded by argmax. */
    private static int[][] latentPath(LatentCodec codec, Melody a, Melody b, int points, Interpolation path) {
        List<Melody> melodies = codec.interpolate(a, b, points, path, false, DecodeOptions.ARGMAX);
        int[][] labels = new int[melodies.size()][];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = EvalLabels.of(melodies.get(i), codec.info().numSteps());
        }
        return labels;
    }

    private static int[] concat(int[] x, int[] y) {
        int[] out = new int[x.length + y.length];
        System.arraycopy(x, 0, out, 0, x.length);
        System.arraycopy(y, 0, out, x.length, y.length);
        return out;
    }
}
