package org.melodypalette.model.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.melodypalette.datasets.DatasetInfo;
import org.melodypalette.datasets.LabelWindows;
import org.melodypalette.datasets.WindowDataset;
import org.melodypalette.model.api.TrainingListener;
import org.melodypalette.model.api.TrainingProgress;
import org.melodypalette.model.config.ModelConfig;
import org.melodypalette.model.config.ModelPresets;
import org.melodypalette.model.graphtrain.TrainingEngines;
import org.melodypalette.model.train.AtomicFolder;
import org.melodypalette.model.train.Trainer;

/**
 * Training throughput of a preset: the live training loop ({@link Trainer#run}, with the preset's
 * scheduled sampling, clipping and Adam) on synthetic melody windows (throughput does not depend on
 * the labels), timed step by step after a warm-up, in a temporary folder deleted afterwards.
 */
public final class TrainingBenchmark {

    /** Sequences per second over the timed steps, and their step times. */
    public record Result(String preset, int batch, int threads, int warmup, int steps, double sequencesPerSecond,
                         double medianStepMs, double minStepMs, double maxStepMs) {
    }

    private TrainingBenchmark() {
    }

    /**
     * @param batch   sequences per step; 0 = the preset's
     * @param threads threads per step (see {@code TrainingOptions}); 0 = one per core
     */
    public static Result run(String preset, int batch, int warmup, int steps, int threads) throws IOException {
        if (warmup < 1 || steps < 1 || batch < 0 || threads < 0) {
            throw new IllegalArgumentException("warm-up " + warmup + " and steps " + steps + " must be at least 1,"
                    + " batch " + batch + " and threads " + threads + " at least 0");
        }
        ModelConfig named = ModelPresets.byName(preset);
        ModelConfig config = batch == 0 ? named : named.withTraining(named.training().withBatchSize(batch));
        long[] stamps = new long[warmup + steps];
        Path dir = Files.createTempDirectory("palette-training-bench");
        try (Trainer trainer = TrainingEngines.start(config, syntheticWindows(config, 512, 0), new Trainer.Settings(
                dir.resolve("run"), stamps.length, Integer.MAX_VALUE, Integer.MAX_VALUE, 0, Integer.MAX_VALUE, 1,
                threads))) {
            trainer.run(new TrainingListener() {
                private int taken;

                @Override
                public void onProgress(TrainingProgress progress) {
                    stamps[taken++] = System.nanoTime();
                }
            });
        } finally {
            AtomicFolder.deleteRecursively(dir);
        }
        double[] stepMs = new double[steps];
        for (int i = 0; i < steps; i++) {
            stepMs[i] = (stamps[warmup + i] - stamps[warmup + i - 1]) / 1e6;
        }
        double seconds = (stamps[stamps.length - 1] - stamps[warmup - 1]) / 1e9;
        int size = config.training().batchSize();
        Arrays.sort(stepMs);
        return new Result(preset, size, threads, warmup, steps, steps * size / seconds, stepMs[steps / 2], stepMs[0],
                stepMs[steps - 1]);
    }

    /**
     * {@code trainCount} train and {@code evalCount} eval windows, random and melody-like: a note on
     * every 4th step on average, in a two-octave range.
     */
    public static WindowDataset syntheticWindows(ModelConfig config, int trainCount, int evalCount) {
        SplittableRandom random = new SplittableRandom(3);
        List<int[]> rows = new ArrayList<>();
        for (int i = 0; i < trainCount + evalCount; i++) {
            int[] row = new int[config.numSteps()];
            for (int t = 0; t < row.length; t++) {
                int r = random.nextInt(8);
                row[t] = r < 2 ? 30 + random.nextInt(24) : r == 2 ? 1 : 0;
            }
            rows.add(row);
        }
        DatasetInfo info = new DatasetInfo(config.bars(), config.stepsPerBar(), List.of("synthetic"), Map.of(),
                Map.of());
        return new WindowDataset(info, LabelWindows.of(config.numSteps(), rows.subList(0, trainCount)),
                LabelWindows.of(config.numSteps(), rows.subList(trainCount, rows.size())));
    }
}
