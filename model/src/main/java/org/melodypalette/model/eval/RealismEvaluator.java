package org.melodypalette.model.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.melodypalette.model.api.DecodeOptions;
import org.melodypalette.model.api.EvaluationFeature;
import org.melodypalette.model.api.EvaluationRealism;
import org.melodypalette.model.api.LatentCodec;
import org.melodypalette.model.data.Seeds;
import org.melodypalette.music.Melody;

/**
 * Computes an {@link EvaluationRealism} (definitions there): prior samples through
 * {@link LatentCodec#sample}, then every {@link MelodyFeature}'s histogram in the samples, the data
 * and the data's two halves.
 *
 * <p>Samples are drawn in chunks of {@value #CHUNK}; chunk {@code c} uses the decode seed
 * {@code Seeds.random(seed, SAMPLES_STREAM, c).nextLong()}, so sample {@code k} depends only on the
 * seed and the temperature, not on how many samples are drawn.
 */
public final class RealismEvaluator {

    static final long SAMPLES_STREAM = 0x53414D504CL;
    /** Bounds the decoder's batch (its memory) whatever the sample count. */
    static final int CHUNK = 128;

    private RealismEvaluator() {
    }

    /**
     * @param data        canonical label windows ({@link EvalLabels}) of the model's length, at least 2
     * @param samples     prior samples to draw, at least 1
     * @param temperature their sampling temperature (0 = argmax)
     */
    public static EvaluationRealism evaluate(LatentCodec codec, List<int[]> data, int samples, double temperature,
                                             long seed) {
        if (data.size() < 2) {
            throw new IllegalArgumentException("sample realism needs at least 2 data windows (two halves), not "
                    + data.size());
        }
        List<int[]> sampled = sample(codec, samples, temperature, seed, CHUNK);
        int stepsPerBar = codec.info().stepsPerBar();
        List<int[]> firstHalf = data.subList(0, data.size() / 2);
        List<int[]> secondHalf = data.subList(data.size() / 2, data.size());
        Function<MelodyFeature, EvaluationFeature> compare =
                feature -> compare(feature, sampled, data, firstHalf, secondHalf, stepsPerBar);
        return new EvaluationRealism(samples, temperature, data.size(), silentShare(sampled), silentShare(data),
                compare.apply(MelodyFeature.NOTE_DENSITY), compare.apply(MelodyFeature.BAR_ONSETS),
                compare.apply(MelodyFeature.PITCH_RANGE),
                compare.apply(MelodyFeature.PITCH_CLASS), compare.apply(MelodyFeature.KEY_PITCH_CLASS),
                compare.apply(MelodyFeature.INTERVAL));
    }

    /** {@code n} prior samples as canonical label windows, in chunks of {@code chunkSize} (see the class comment). */
    static List<int[]> sample(LatentCodec codec, int n, double temperature, long seed, int chunkSize) {
        if (n < 1) {
            throw new IllegalArgumentException("samples " + n + " must be at least 1");
        }
        List<int[]> out = new ArrayList<>(n);
        for (int chunk = 0; chunk * chunkSize < n; chunk++) {
            int size = Math.min(chunkSize, n - chunk * chunkSize);
            long decodeSeed = Seeds.random(seed, SAMPLES_STREAM, chunk).nextLong();
            for (Melody melody : codec.sample(size, new DecodeOptions(temperature, 1.0, decodeSeed))) {
                out.add(EvalLabels.of(melody, codec.info().numSteps()));
            }
        }
        return out;
    }

    static EvaluationFeature compare(MelodyFeature feature, List<int[]> samples, List<int[]> data,
                                     List<int[]> firstHalf, List<int[]> secondHalf, int stepsPerBar) {
        Histogram s = feature.histogram(samples, stepsPerBar);
        Histogram d = feature.histogram(data, stepsPerBar);
        Histogram h1 = feature.histogram(firstHalf, stepsPerBar);
        Histogram h2 = feature.histogram(secondHalf, stepsPerBar);
        return new EvaluationFeature(feature.description(), feature.binLabels(), s.probabilityList(),
                d.probabilityList(), mean(feature, samples, stepsPerBar), mean(feature, data, stepsPerBar),
                s.overlap(d), s.jensenShannon(d), h1.overlap(h2), h1.jensenShannon(h2));
    }

    /** The per-window mean, or null for features without one or sets where it is undefined. */
    private static Double mean(MelodyFeature feature, List<int[]> windows, int stepsPerBar) {
        if (!feature.isPerWindow()) {
            return null;
        }
        double mean = feature.mean(windows, stepsPerBar);
        return Double.isNaN(mean) ? null : mean;
    }

    static double silentShare(List<int[]> windows) {
        int silent = 0;
        for (int[] window : windows) {
            if (EvalLabels.isSilent(window)) {
                silent++;
            }
        }
        return silent / (double) windows.size();
    }
}
