package org.melodypalette.app.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.melodypalette.datasets.BuildSummary;
import org.melodypalette.datasets.DatasetBuildOptions;
import org.melodypalette.datasets.DatasetBuilder;
import org.melodypalette.app.input.Plural;
import org.melodypalette.files.AtomicFiles;
import org.melodypalette.model.bench.ContinuationBenchmark;
import org.melodypalette.model.api.LatentCodec;
import org.melodypalette.model.api.RefineOptions;
import org.melodypalette.model.bench.InferenceBenchmark;
import org.melodypalette.model.bench.RefinementBenchmark;
import org.melodypalette.model.bench.TrainingBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code palette bench}: inference latency, operation for operation as the magenta.js peer measures
 * it; with {@code --training PRESET} training throughput instead, with {@code --dataset-bars N} the
 * time to build a dataset from MIDI inputs.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Time load, encode, decode, interpolate and sample (each warmed up for 1 s, then N runs) and "
                + "print median/min/max/p95 in ms; --json writes the magenta.js timing file shape.",
                "--training PRESET: sequences/s of the training loop instead (synthetic windows).",
                "--dataset-bars N INPUT...: seconds to build a dataset of N-bar windows from MIDI (nothing written).",
                "--continuation DIR|PRESET: time continuing a 2-bar melody by 2 bars (1 and 4 candidates).",
                "--refine DATASET: refinement time per melody over the dataset's eval-split windows, one at a time "
                        + "as the workbench refines a clip, and how many come back exactly."})
final class BenchCommand implements Callable<Integer> {

    @Mixin
    ModelOptions model;

    @Option(names = "--runs", defaultValue = "10", description = "Timed runs per operation (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON here.")
    Path json;

    @Option(names = "--training", paramLabel = "PRESET", description = "Measure training throughput of this preset.")
    String trainingPreset;

    @Option(names = "--batch", defaultValue = "0", description = "Training batch size (0 = the preset's).")
    int batch;

    @Option(names = "--steps", defaultValue = "20", description = "Timed training steps (default ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--warmup", defaultValue = "5", description = "Training steps before timing (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--threads", defaultValue = "0", description = "Threads per training step (0 = one per core).")
    int threads;

    @Option(names = "--dataset-bars", paramLabel = "N", description = "Measure a dataset build of N-bar windows.")
    Integer datasetBars;

    @Option(names = "--continuation", paramLabel = "DIR|PRESET",
            description = "Time a continuation model: a checkpoint folder, or a continue_ preset's initial weights.")
    String continuation;

    @Option(names = "--refine", paramLabel = "DATASET",
            description = "Time refinement melody by melody on this dataset's eval split (from 'palette dataset build').")
    Path refineData;

    @Option(names = "--melodies", paramLabel = "N",
            description = "Eval windows for --refine, spread evenly over the split (default "
                    + RefinementBenchmark.DEFAULT_MELODIES + ").")
    Integer melodies;

    @Parameters(arity = "0..*", paramLabel = "INPUT", description = "MIDI files or folders for --dataset-bars.")
    List<Path> inputs = List.of();

    @Override
    public Integer call() throws IOException {
        long modes = Stream.of(trainingPreset, datasetBars, refineData, continuation).filter(Objects::nonNull).count();
        if (modes > 1) {
            throw new IllegalArgumentException("--training, --dataset-bars, --refine and --continuation each choose "
                    + "what to time: give one of them");
        }
        if (melodies != null && refineData == null) {
            throw new IllegalArgumentException("--melodies goes with --refine DATASET");
        }
        if (trainingPreset != null) {
            return training();
        }
        if (datasetBars != null) {
            return dataset();
        }
        if (refineData != null) {
            return refinement();
        }
        InferenceBenchmark.Result result = continuation != null ? ContinuationBenchmark.run(continuation, runs)
                : InferenceBenchmark.run(model.directory(), runs);
        System.out.println("model " + result.info().get("model") + ", kernel " + result.info().get("kernel")
                + ", " + result.info().get("cores") + " cores");
        System.out.printf("%-26s %10s %10s %10s %10s%n", "operation", "median ms", "min ms", "max ms", "p95 ms");
        for (Map.Entry<String, InferenceBenchmark.Timing> e : result.timings().entrySet()) {
            InferenceBenchmark.Timing t = e.getValue();
            System.out.printf("%-26s %10.2f %10.2f %10.2f %10.2f%n", e.getKey(), t.medianMs(), t.minMs(), t.maxMs(), t.p95Ms());
        }
        if (json != null) {
            ReportFile file = ReportFile.before(json);
            InferenceBenchmark.write(result, json);
            System.out.println("wrote " + file.describe());
        }
        return 0;
    }

    private int training() throws IOException {
        TrainingBenchmark.Result r = TrainingBenchmark.run(trainingPreset, batch, warmup, steps, threads);
        System.out.printf("training %s, batch %d, threads %s, %d steps after %d warm-up: %.1f sequences/s"
                        + " (step median %.1f ms, min %.1f, max %.1f)%n", r.preset(), r.batch(),
                r.threads() == 0 ? "one per core" : r.threads(), r.steps(), r.warmup(), r.sequencesPerSecond(),
                r.medianStepMs(), r.minStepMs(), r.maxStepMs());
        writeJson(Map.of("training", r));
        return 0;
    }

    private int refinement() throws IOException {
        int count = melodies == null ? RefinementBenchmark.DEFAULT_MELODIES : melodies;
        if (count < 1) {
            throw new IllegalArgumentException("--melodies must be at least 1 (got " + count + ")");
        }
        RefinementBenchmark.Result r;
        try (LatentCodec codec = model.open()) {
            r = RefinementBenchmark.run(codec, model.directory(), refineData, count);
        }
        RefineOptions o = r.options();
        String moving = o.refinesBars() ? "each bar's embedding, step size " + o.barLearningRate()
                : "z, step size " + o.learningRate();
        System.out.printf(Locale.ROOT, "model %s (%s): %d of the %d eval windows of %s, spread evenly, each refined "
                        + "alone as the workbench does (%s; at most %d steps and %d ms per melody):%n", model.directory(),
                r.model(), r.melodies(), r.evalWindows(), refineData, moving, o.maxSteps(), o.budgetMillis());
        System.out.printf(Locale.ROOT, "given back exactly: %d of %d melodies (%.3f), %d of %d bars (%.3f)%n",
                r.exact(), r.melodies(), r.exact() / (double) r.melodies(), r.barsExact(), r.bars(),
                r.barsExact() / (double) r.bars());
        InferenceBenchmark.Timing ms = r.millis();
        System.out.printf(Locale.ROOT, "ms per melody: median %.1f, p95 %.1f, min %.1f, max %.1f%n",
                ms.medianMs(), ms.p95Ms(), ms.minMs(), ms.maxMs());
        RefinementBenchmark.Steps steps = r.steps();
        System.out.printf(Locale.ROOT, "gradient steps per melody: median %d, p95 %d, max %d%n",
                steps.median(), steps.p95(), steps.max());
        writeJson(Map.of("refinement", r));
        return 0;
    }

    private int dataset() throws IOException {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("--dataset-bars needs MIDI files or folders to read");
        }
        DatasetBuildOptions options = DatasetBuildOptions.defaults(datasetBars);
        BuildSummary s = new DatasetBuilder(options).build(inputs, (done, total) -> { }).summary();
        System.out.printf("dataset of %d-bar windows from %s: %.2f s (%s windows)%n", datasetBars,
                Plural.count(s.files(), "file"), s.seconds(), s.windows());
        writeJson(Map.of("dataset_build", s));
        return 0;
    }

    private void writeJson(Object figures) throws IOException {
        if (json != null) {
            ReportFile file = ReportFile.before(json);
            AtomicFiles.write(json, Json.write(figures).getBytes(StandardCharsets.UTF_8));
            System.out.println("wrote " + file.describe());
        }
    }
}
