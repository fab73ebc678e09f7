package org.melodypalette.model.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.melodypalette.datasets.LabelWindows;
import org.melodypalette.datasets.WindowDataset;
import org.melodypalette.datasets.WindowDatasetFile;
import org.melodypalette.model.api.DecodeOptions;
import org.melodypalette.model.api.Encoding;
import org.melodypalette.model.api.EvaluationSplit;
import org.melodypalette.model.api.LatentCodec;
import org.melodypalette.model.api.ModelInfo;
import org.melodypalette.model.api.RefineOptions;
import org.melodypalette.model.service.DatasetFit;
import org.melodypalette.model.train.Evaluator;

/**
 * Refinement time per melody over many melodies, as the workbench refines a clip: one melody at a time
 * (batch 1) with the model's {@link LatentCodec#refineDefaults() defaults} {@link RefineOptions#interactive()
 * as the workbench runs them}, timed from the call to the code, after the model's {@link LatentCodec#warmUp()}.
 * The melodies are eval-split windows of a dataset spread evenly over the split, so the figure is not one
 * melody's (issue 15 asks for the median over melodies: ≤ 100 ms for 2 bars, ≤ 1 s for 16).
 */
public final class RefinementBenchmark {

    /** Eval-split windows used when the caller does not say. */
    public static final int DEFAULT_MELODIES = 256;

    /**
     * @param evalWindows the dataset's eval windows, of which {@code melodies} were refined
     * @param millis      per-melody wall-clock times (median, min, max, p95 over the melodies, one run each)
     * @param steps       per-melody gradient steps
     */
    public record Result(@JsonProperty("model") String model, @JsonProperty("options") RefineOptions options,
                         @JsonProperty("melodies") int melodies, @JsonProperty("eval_windows") int evalWindows,
                         @JsonProperty("exact") int exact, @JsonProperty("bars") int bars,
                         @JsonProperty("bars_exact") int barsExact,
                         @JsonProperty("ms_per_melody") InferenceBenchmark.Timing millis,
                         @JsonProperty("steps_per_melody") Steps steps) {
    }

    /** Gradient steps per melody: the middle value (the upper of two), p95 and the largest. */
    public record Steps(@JsonProperty("median") int median, @JsonProperty("p95") int p95, @JsonProperty("max") int max) {

        static Steps of(int[] steps) {
            int[] sorted = steps.clone();
            Arrays.sort(sorted);
            int n = sorted.length;
            return new Steps(sorted[n / 2], sorted[Math.min(n - 1, (int) Math.ceil(0.95 * n) - 1)], sorted[n - 1]);
        }
    }

    /** Eval-split windows spread evenly over the split, and how many the split holds. */
    public record Spread(int[][] windows, int evalWindows) {

        /** {@code min(count, eval)} windows: window {@code ⌊i · eval / n⌋} for {@code i = 0..n−1}. */
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
            int n = Math.min(count, eval.count());
            int[][] windows = new int[n][];
            for (int i = 0; i < n; i++) {
                windows[i] = eval.window((int) ((long) i * eval.count() / n));
            }
            return new Spread(windows, eval.count());
        }
    }

    private RefinementBenchmark() {
    }

    /** Bars of {@code barSteps} steps in which the two label sequences agree step for step. */
    static int barsEqual(int[] a, int[] b, int barSteps) {
        int equal = 0;
        for (int from = 0; from < a.length; from += barSteps) {
            equal += Arrays.equals(a, from, from + barSteps, b, from, from + barSteps) ? 1 : 0;
        }
        return equal;
    }

    /** Refines the dataset's spread eval windows one at a time with the model opened from {@code checkpoint}. */
    public static Result run(LatentCodec codec, Path checkpoint, Path data, int count) throws IOException {
        WindowDataset dataset = WindowDatasetFile.read(data);
        ModelInfo info = codec.info();
        DatasetFit.require(info, checkpoint, dataset, data);
        Spread spread = Spread.of(dataset, data, count);
        codec.warmUp();
        RefineOptions options = codec.refineDefaults().interactive();
        int barSteps = info.stepsPerBar();
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
            barsExact += barsEqual(decoded, windows[w], barSteps);
        }
        return new Result(info.name(), options, windows.length, spread.evalWindows(), exact,
                windows.length * (info.numSteps() / barSteps), barsExact, InferenceBenchmark.Timing.of(millis),
                Steps.of(steps));
    }
}
