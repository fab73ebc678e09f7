package org.melodypalette.model.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.melodypalette.datasets.LabelWindows;
import org.melodypalette.datasets.WindowDataset;
import org.melodypalette.datasets.WindowDatasetFile;
import org.melodypalette.model.api.DecodeOptions;
import org.melodypalette.model.api.Encoding;
import org.melodypalette.model.api.EvaluationSplit;
import org.melodypalette.model.api.LatentCodec;
import org.melodypalette.model.api.RefineOptions;
import org.melodypalette.model.train.Evaluator;

/**
 * Refinement time per melody over many melodies, as the workbench refines a clip: one melody at a time
 * (batch 1) with the model's {@link LatentCodec#refineDefaults()}, timed from the call to the code,
 * after the model's {@link LatentCodec#warmUp()}. The melodies are eval-split windows of a dataset
 * spread evenly over the split, so the figure is not one melody's (issue 15 asks for the median over
 * melodies: ≤ 100 ms for 2 bars, ≤ 1 s for 16).
 */
public final class RefinementBenchmark {

    /** Eval-split windows used when the caller does not say. */
    public static final int DEFAULT_MELODIES = 256;

    /**
     * @param millis per-melody wall-clock times (median, min, max, p95 over the melodies, one run each)
     * @param steps  per-melody gradient steps: median, p95, max
     */
    public record Result(@JsonProperty("model") String model, @JsonProperty("options") String options,
                         @JsonProperty("melodies") int melodies, @JsonProperty("every_nth") int everyNth,
                         @JsonProperty("exact") int exact, @JsonProperty("bars") int bars,
                         @JsonProperty("bars_exact") int barsExact,
                         @JsonProperty("ms_per_melody") InferenceBenchmark.Timing millis,
                         @JsonProperty("steps_per_melody") Steps steps) {
    }

    public record Steps(@JsonProperty("median") int median, @JsonProperty("p95") int p95, @JsonProperty("max") int max) {

        static Steps of(int[] steps) {
            int[] sorted = steps.clone();
            Arrays.sort(sorted);
            int n = sorted.length;
            return new Steps(sorted[n / 2], sorted[Math.min(n - 1, (int) Math.ceil(0.95 * n) - 1)], sorted[n - 1]);
        }
    }

    /** Evenly spread eval-split windows of a dataset file and the spacing between them. */
    public record Spread(int[][] windows, int everyNth) {

        /** Up to {@code count} windows: every ⌊eval / count⌋-th of the eval split, from the first. */
        public static Spread of(Path file, int count) throws IOException {
            return of(WindowDatasetFile.read(file), file, count);
        }

        static Spread of(WindowDataset data, Path file, int count) throws IOException {
            if (count < 1) {
                throw new IllegalArgumentException("melodies " + count + " must be at least 1");
            }
            LabelWindows eval = Evaluator.windows(data, EvaluationSplit.EVAL);
            if (eval.count() == 0) {
                throw new IOException(file + ": the eval split has no windows");
            }
            int stride = Math.max(1, eval.count() / count);
            List<int[]> out = new ArrayList<>();
            for (int i = 0; i < eval.count() && out.size() < count; i += stride) {
                out.add(eval.window(i));
            }
            return new Spread(out.toArray(int[][]::new), stride);
        }
    }

    private RefinementBenchmark() {
    }

    /** Refines the dataset's spread eval windows one at a time; the dataset must fit the model's length. */
    public static Result run(LatentCodec codec, Path data, int count) throws IOException {
        WindowDataset dataset = WindowDatasetFile.read(data);
        int numSteps = codec.info().numSteps();
        if (dataset.numSteps() != numSteps) {
            throw new IOException(data + ": windows have " + dataset.numSteps() + " steps but the model needs "
                    + numSteps + " (build a dataset with --bars " + numSteps / codec.info().stepsPerBar() + ")");
        }
        Spread spread = Spread.of(dataset, data, count);
        codec.warmUp();
        RefineOptions options = codec.refineDefaults();
        int barSteps = codec.info().stepsPerBar();
        int[][] windows = spread.windows();
        double[] millis = new double[windows.length];
        int[] steps = new int[windows.length];
        int exact = 0;
        int barsExact = 0;
        for (int w = 0; w < windows.length; w++) {
            long start = System.nanoTime();
            Encoding code = codec.encodeLabels(new int[][] {windows[w]}, options).get(0);
            millis[w] = (System.nanoTime() - start) / 1e6;
            steps[w] = code.steps();
            int[] decoded = codec.decodeCodes(List.of(code.code()), DecodeOptions.ARGMAX)[0];
            exact += Arrays.equals(decoded, windows[w]) ? 1 : 0;
            for (int from = 0; from < numSteps; from += barSteps) {
                barsExact += Arrays.equals(decoded, from, from + barSteps, windows[w], from, from + barSteps) ? 1 : 0;
            }
        }
        return new Result(codec.info().name(), options.toString(), windows.length, spread.everyNth(), exact,
                windows.length * (numSteps / barSteps), barsExact, InferenceBenchmark.Timing.of(millis),
                Steps.of(steps));
    }
}
