package org.melodypalette.model.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.melodypalette.datasets.LabelWindows;
import org.melodypalette.datasets.WindowDataset;
import org.melodypalette.datasets.WindowDatasetFile;
import org.melodypalette.model.api.AttributeStatistics;
import org.melodypalette.model.api.AttributeVectorsReport;
import org.melodypalette.model.api.LatentCodec;
import org.melodypalette.model.api.MelodyAttribute;
import org.melodypalette.model.api.MelodyGenerator;
import org.melodypalette.model.api.ModelInfo;
import org.melodypalette.model.checkpoint.AttributeVectors;

/**
 * Builds a checkpoint's latent attribute vectors as MusicVAE does: for each {@link MelodyAttribute},
 * the mean {@code mu} of the train windows in the attribute's top quartile minus the mean {@code mu}
 * of those in its bottom quartile. Writes them as the folder's {@code attributes.json} (replacing
 * any earlier one), which {@link MelodyGenerator#applyAttribute} then uses. Deterministic for a seed.
 */
public final class AttributeVectorsBuilder {

    public static final int DEFAULT_WINDOWS = 8192;
    /** Encoder batch size; does not change the vectors beyond float rounding. */
    static final int BATCH = 64;

    private AttributeVectorsBuilder() {
    }

    /**
     * @param checkpoint  checkpoint folder (ours or magenta.js's); {@code attributes.json} is written into it
     * @param datasetFile window dataset whose train split is measured
     * @param maxWindows  encode at most this many train windows, a seeded random subset when there are more
     * @param seed        seed of the subset
     * @throws IOException the checkpoint or dataset cannot be read, they do not fit each other, or a
     *                     quartile would be empty
     */
    public static AttributeVectorsReport build(Path checkpoint, Path datasetFile, int maxWindows, long seed)
            throws IOException {
        if (maxWindows < 4) {
            throw new IllegalArgumentException("maxWindows " + maxWindows + " must be at least 4 (one per quartile)");
        }
        WindowDataset data = WindowDatasetFile.read(datasetFile);
        int[][] windows = choose(data.train(), maxWindows, seed);
        Map<String, float[]> vectors = new LinkedHashMap<>();
        List<AttributeStatistics> statistics = new ArrayList<>();
        try (LatentCodec codec = MelodyGenerators.open(checkpoint)) {
            DatasetFit.require(codec.info(), checkpoint, data, datasetFile);
            float[][] mu = encode(codec, windows);
            for (MelodyAttribute attribute : MelodyAttribute.values()) {
                double[] values = Arrays.stream(windows).mapToDouble(w -> attribute.of(w, data.info().stepsPerBar())).toArray();
                float[] vector = new float[codec.info().zSize()];
                statistics.add(quartileDifference(attribute.key(), values, mu, vector, datasetFile));
                vectors.put(attribute.key(), vector);
            }
        }
        AttributeVectors.write(checkpoint, vectors);
        return new AttributeVectorsReport(checkpoint.resolve(AttributeVectors.FILE_NAME).toString(), windows.length,
                statistics);
    }

    /** All train windows, or {@code max} of them drawn without replacement (partial Fisher–Yates), in file order. */
    static int[][] choose(LabelWindows train, int max, long seed) {
        int[] order = new int[train.count()];
        Arrays.setAll(order, i -> i);
        int n = Math.min(max, order.length);
        if (n < order.length) {
            Random random = new Random(seed);
            for (int i = 0; i < n; i++) {
                int j = i + random.nextInt(order.length - i);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
        }
        int[] chosen = Arrays.copyOf(order, n);
        Arrays.sort(chosen);
        return Arrays.stream(chosen).mapToObj(train::window).toArray(int[][]::new);
    }

    /** {@code mu} of every window, {@code [windows][zSize]}, encoded {@value #BATCH} at a time. */
    private static float[][] encode(LatentCodec codec, int[][] windows) {
        float[][] mu = new float[windows.length][];
        for (int start = 0; start < windows.length; start += BATCH) {
            int end = Math.min(windows.length, start + BATCH);
            float[][] batch = codec.encodeLabels(Arrays.copyOfRange(windows, start, end));
            System.arraycopy(batch, 0, mu, start, batch.length);
        }
        return mu;
    }

    /**
     * Fills {@code vector} with mean mu of the top quartile minus mean mu of the bottom quartile,
     * over the windows whose value is defined (not NaN). Ties are ordered by window index.
     */
    private static AttributeStatistics quartileDifference(String name, double[] values, float[][] mu, float[] vector,
                                                          Path datasetFile) throws IOException {
        Integer[] defined = IntStream.range(0, values.length).filter(i -> !Double.isNaN(values[i]))
                .boxed().sorted(Comparator.comparingDouble(i -> values[i])).toArray(Integer[]::new);
        int quartile = defined.length / 4;
        if (quartile == 0) {
            throw new IOException(datasetFile + ": only " + defined.length + " train windows define " + name
                    + "; at least 4 are needed");
        }
        double[] sum = new double[vector.length];
        double bottom = 0;
        double top = 0;
        for (int k = 0; k < quartile; k++) {
            int low = defined[k];
            int high = defined[defined.length - 1 - k];
            bottom += values[low];
            top += values[high];
            for (int d = 0; d < vector.length; d++) {
                sum[d] += mu[high][d] - mu[low][d];
            }
        }
        double squares = 0;
        for (int d = 0; d < vector.length; d++) {
            vector[d] = (float) (sum[d] / quartile);
            squares += (double) vector[d] * vector[d];
        }
        return new AttributeStatistics(name, defined.length, quartile, bottom / quartile, top / quartile,
                Math.sqrt(squares));
    }
}
