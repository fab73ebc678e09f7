package org.melodypalette.model.train;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.melodypalette.model.backprop.MusicVaeBackprop;
import org.melodypalette.model.backprop.ProfiledArithmetic;
import org.melodypalette.model.bench.TrainingBenchmark;
import org.melodypalette.model.checkpoint.WeightSet;
import org.melodypalette.model.checkpoint.WeightTensor;
import org.melodypalette.model.config.ComputeOptions;
import org.melodypalette.model.config.ModelConfig;
import org.melodypalette.model.config.ModelPresets;
import org.melodypalette.model.data.Seeds;
import org.melodypalette.model.data.TrainingBatches;
import org.melodypalette.model.net.MusicVaeVariables;

/**
 * Where a hand-written training step's CPU time goes, by phase and by product shape, next to the
 * arithmetic limit (the step's FLOPs at the best single-thread GFLOPS our product reaches). Not a
 * test: runs only with {@code -Dbenchmark.profile.preset=NAME}, one shard on the test's thread,
 * teacher-forced, e.g.
 * <pre>
 * OMP_NUM_THREADS=1 ./mvnw -B -o -q -pl model -am test -Dtest=TrainingStepProfile \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dbenchmark.profile.preset=mel_2bar_cpu \
 *     -Dbenchmark.steps=4 -Dbenchmark.warmup=2 [-Dbenchmark.batch=N] [-Dbenchmark.out=FILE]
 * </pre>
 * Every figure is the training thread's CPU time (ThreadMXBean), mean per timed step: the step's
 * own work, which other processes on the cores disturb least. The phases outside the products and
 * activations are what {@link HandWrittenTrainingStep} and {@link Trainer} do around
 * {@link MusicVaeBackprop#step}: the batch and noise, and one pass of clipping and Adam over the float
 * parameters (the global norm's sum of squares is part of the backprop step). Each step runs the backprop step twice,
 * plain (its figure is the step's) and profiled (products timed call by call, less one clock read each;
 * activations counted, at the CPU time per element they take in bulk calls of the same width).
 * The LSTM cells' elementwise work (activations, cell update, and in backprop the gate gradients) is timed
 * call by call. "other elementwise: softmax/CE, gathers, sums" is the rest of the plain backprop step: bias
 * broadcasts, one-hot gathers, the softmax and its cross-entropy, the latent layer.
 * With two shards the step also sums the second shard's gradients into the first's: that sum is
 * timed once on its own.
 */
@EnabledIfSystemProperty(named = "benchmark.profile.preset", matches = ".+")
class TrainingStepProfile {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Test
    void profile() throws IOException {
        ModelConfig preset = ModelPresets.byName(System.getProperty("benchmark.profile.preset"));
        int batch = Integer.getInteger("benchmark.batch", preset.training().batchSize());
        ModelConfig config = preset.withTraining(preset.training().withBatchSize(batch));
        int steps = Integer.getInteger("benchmark.steps", 4);
        int warmup = Integer.getInteger("benchmark.warmup", 2);
        ComputeOptions.Kernel kernel = ComputeOptions.fromSystemProperties().kernel();

        WeightSet initial = MusicVaeVariables.initialize(config, 1);
        Map<String, float[]> weights = new LinkedHashMap<>();
        Map<String, long[]> shapes = new LinkedHashMap<>();
        for (WeightTensor tensor : initial.tensors()) {
            weights.put(tensor.name(), tensor.values().clone());
            shapes.put(tensor.name(), java.util.Arrays.stream(tensor.shape()).asLongStream().toArray());
        }
        AdamOptimizer optimizer = AdamOptimizer.fresh(shapes);
        TrainingBatches batches = new TrainingBatches(TrainingBenchmark.syntheticWindows(config, 512, 0).train(),
                batch, config.training().transposeSemitones(), config.numClasses(), 1);
        ProfiledArithmetic math = ProfiledArithmetic.of(kernel);
        Map<String, long[]> phases = new LinkedHashMap<>();
        for (String phase : List.of("batch build (labels, noise)", "backprop step", "clipping and Adam (one pass)")) {
            phases.put(phase, new long[1]);
        }
        long gradientSum;
        try (MusicVaeBackprop backprop = MusicVaeBackprop.create(config, weights, batch, 1, kernel);
             MusicVaeBackprop profiled = math.backprop(config, weights, batch, 1)) {
            for (int step = 0; step < warmup + steps; step++) {
                if (step == warmup) {
                    math.reset();
                    phases.values().forEach(p -> p[0] = 0);
                }
                long t0 = THREADS.getCurrentThreadCpuTime();
                int[][] labels = batches.batch(step);
                float[] eps = Evaluator.gaussianValues(batch, config.zSize(), Seeds.random(1, Seeds.LATENT_NOISE, step));
                long t1 = THREADS.getCurrentThreadCpuTime();
                MusicVaeBackprop.Result result = backprop.step(weights, labels, eps,
                        Schedules.beta(config.training(), step), null);
                long t2 = THREADS.getCurrentThreadCpuTime();
                profiled.step(weights, labels, eps, Schedules.beta(config.training(), step), null);
                long t2b = THREADS.getCurrentThreadCpuTime();
                optimizer.update(backprop, weights, result.gradients(),
                        Trainer.clipScale(result.gradientNorm(), config.training().gradClipNorm()),
                        Schedules.learningRate(config.training(), step));
                long t3 = THREADS.getCurrentThreadCpuTime();
                long[] stamps = {t0, t1, t2, t3 - (t2b - t2)};
                int k = 0;
                for (long[] phase : phases.values()) {
                    phase[0] += stamps[k + 1] - stamps[k];
                    k++;
                }
            }
            gradientSum = ProfiledArithmetic.gradientSumNanos(weights, kernel);
        }
        long parameterCount = shapes.values().stream().mapToLong(s -> {
            long n = 1;
            for (long d : s) {
                n *= d;
            }
            return n;
        }).sum();
        List<String> lines = report(config, batch, steps, kernel, math, phases, gradientSum, parameterCount);
        lines.forEach(System.out::println);
        String out = System.getProperty("benchmark.out");
        if (out != null) {
            lines.add("");
            Files.write(Path.of(out), lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    private static List<String> report(ModelConfig config, int batch, int steps, ComputeOptions.Kernel kernel,
                                       ProfiledArithmetic math, Map<String, long[]> phases, long gradientSum,
                                       long parameters) {
        double stepMs = phases.values().stream().mapToLong(p -> p[0]).sum() / 1e6 / steps;
        Map<String, double[]> byPhase = new LinkedHashMap<>(); // ms, flops per step
        double productMs = 0;
        double activationMs = 0;
        double cellMs = 0;
        double flops = 0;
        double bestGflops = 0;
        double clock = ProfiledArithmetic.clockNanos();
        List<String> shapeLines = new ArrayList<>();
        for (Map.Entry<String, ProfiledArithmetic.Tally> e : math.tallies().entrySet()) {
            String phase = e.getKey().substring(0, e.getKey().indexOf(" | "));
            ProfiledArithmetic.Tally t = e.getValue();
            boolean activation = phase.startsWith("activations");
            boolean cell = phase.startsWith("LSTM cell");
            double nanos = activation
                    ? t.flops * ProfiledArithmetic.activationNanosPerElement(kernel, phase.contains("sigmoid"),
                            (int) Math.round(t.flops / t.calls))
                    : Math.max(0, t.nanos - t.calls * clock);
            double ms = nanos / 1e6 / steps;
            double[] sum = byPhase.computeIfAbsent(phase, k -> new double[2]);
            sum[0] += ms;
            sum[1] += activation ? 0 : t.flops / steps;
            if (cell) {
                cellMs += ms;
                shapeLines.add(String.format("  %-40s %-34s %6d calls %8.1f ms", phase,
                        e.getKey().substring(e.getKey().indexOf(" | ") + 3), t.calls / steps, ms));
            } else if (!activation) {
                productMs += ms;
                flops += t.flops / steps;
                double gflops = t.flops / nanos;
                if (t.flops / t.calls >= 1e6) {
                    bestGflops = Math.max(bestGflops, gflops);
                }
                shapeLines.add(String.format("  %-40s %-34s %6d calls %8.1f ms %6.2f GFLOPS", phase,
                        e.getKey().substring(e.getKey().indexOf(" | ") + 3), t.calls / steps, ms, gflops));
            } else {
                activationMs += ms;
                shapeLines.add(String.format("  %-40s %-34s %6d calls %8.1f ms %6.0f elements per call", phase,
                        e.getKey().substring(e.getKey().indexOf(" | ") + 3), t.calls / steps, ms, t.flops / t.calls));
            }
        }
        double stepBackpropMs = phases.get("backprop step")[0] / 1e6 / steps;
        double peak = ProfiledArithmetic.productGflops(kernel, 256, 1024, 512, 5);
        double limit = Math.max(bestGflops, peak);
        List<String> lines = new ArrayList<>();
        lines.add(String.format("## %s, batch %d, %s kernel, one shard, %d timed steps (loaded machine, CPU time)",
                config.name(), batch, kernel, steps));
        lines.add(String.format("step %.1f ms CPU = %.2f ms per sequence; products %.2f GFLOP per step (%.1f MFLOP per"
                        + " sequence) at %.2f GFLOPS overall", stepMs, stepMs / batch, flops / 1e9, flops / 1e6 / batch,
                flops / (productMs * 1e6)));
        lines.add(String.format("(one thread-clock read costs %.0f ns; products' figures exclude one read per call)",
                clock));
        lines.add(String.format("arithmetic limit: the products alone at %.2f GFLOPS (best product shape %.2f, a"
                        + " 256x512 . 512x1024 product alone %.2f) = %.1f ms per step; the step is %.2fx that",
                limit, bestGflops, peak, flops / limit / 1e6, stepMs / (flops / limit / 1e6)));
        lines.add("phase                                              CPU ms/step  share   MFLOP/seq  GFLOPS");
        for (Map.Entry<String, double[]> e : byPhase.entrySet()) {
            double[] v = e.getValue();
            lines.add(String.format("  %-48s %9.1f %6.1f%% %10.2f %7s", e.getKey(), v[0], 100 * v[0] / stepMs,
                    v[1] / 1e6 / batch, v[1] > 0 ? String.format("%.2f", v[1] / (v[0] * 1e6)) : ""));
        }
        double rest = stepBackpropMs - productMs - activationMs - cellMs;
        lines.add(String.format("  %-48s %9.1f %6.1f%%", "other elementwise: softmax/CE, gathers, sums", rest,
                100 * rest / stepMs));
        for (Map.Entry<String, long[]> e : phases.entrySet()) {
            if (!e.getKey().equals("backprop step")) {
                double ms = e.getValue()[0] / 1e6 / steps;
                lines.add(String.format("  %-48s %9.1f %6.1f%%", e.getKey(), ms, 100 * ms / stepMs));
            }
        }
        lines.add(String.format("  %-48s %9.1f  (on one thread; with 2 shards each does its half; %d parameters)",
                "shard synchronisation (2 shards' gradient sum + norm)", gradientSum / 1e6, parameters));
        lines.add("by shape (per step):");
        lines.addAll(shapeLines);
        return lines;
    }

}
