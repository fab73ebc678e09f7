package org.melodypalette.model.train;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.melodypalette.model.api.TrainingListener;
import org.melodypalette.model.api.TrainingProgress;
import org.melodypalette.model.backprop.MusicVaeBackprop;
import org.melodypalette.model.backprop.ParameterBlocks;
import org.melodypalette.model.bench.TrainingBenchmark;
import org.melodypalette.model.checkpoint.WeightSet;
import org.melodypalette.model.config.ModelConfig;
import org.melodypalette.model.config.ModelPresets;
import org.melodypalette.model.config.TrainingConfig.SamplingSchedule;
import org.melodypalette.model.data.MelodyTensors;
import org.melodypalette.model.data.Seeds;
import org.melodypalette.model.data.TrainingBatches;
import org.melodypalette.model.graphtrain.NativeThreads;
import org.melodypalette.model.graphtrain.TrainingEngines;
import org.melodypalette.model.net.MusicVaeGraph;
import org.melodypalette.model.net.MusicVaeVariables;
import org.melodypalette.model.net.StraightforwardMusicVae;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Training throughput of a preset at its batch size, on synthetic melody windows (throughput
 * does not depend on the labels). Not a test: runs only with {@code -Dbenchmark.preset=NAME}, e.g.
 * <pre>
 * OMP_NUM_THREADS=1 taskset -c 1 nice -n 10 ./mvnw -B -o -q -pl model -am test \
 *     -Dtest=TrainingThroughputBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dbenchmark.preset=mel_2bar_cpu -Dbenchmark.graph=straightforward -Dbenchmark.steps=20 -Dbenchmark.threads=1
 * </pre>
 * {@code benchmark.graph} picks what is timed:
 * <ul>
 *   <li>{@code trainer} (default): {@link Trainer#run}, the live training loop, with the preset's
 *       scheduled sampling ({@code -Dbenchmark.sampling=none}: teacher-forced);</li>
 *   <li>{@code graph}: {@link Trainer#trainStep}'s work (feeds, gradients, global-norm clipping,
 *       Adam, argmax accuracy, step-scoped arrays freed) on the teacher-forced {@link MusicVaeGraph};</li>
 *   <li>{@code straightforward}: the same step on {@link StraightforwardMusicVae}, the per-op
 *       baseline (teacher-forced only);</li>
 *   <li>{@code backprop}: the same step with the gradients of the hand-written
 *       {@link MusicVaeBackprop} (teacher-forced), as {@link Trainer} takes them on a CPU.</li>
 * </ul>
 * {@code -Dbenchmark.threads=N} caps ND4J's native threads and sets the hand-written step's shards
 * (trainer and backprop; 0 or absent: ND4J's default and one shard per core).
 * {@code -Dbenchmark.batch=N} overrides the preset's batch size.
 * It times {@code benchmark.steps} steps after {@code benchmark.warmup} (default 3) and logs
 * sequences per second (over all timed steps) and the median step, by the wall clock, by the
 * process's CPU time (collector and compiler threads included) and by the training thread's CPU
 * time (which a busy machine disturbs least). {@code -Dbenchmark.profile=true} (graph and
 * straightforward) logs CPU time per op type over the timed steps ({@link OpTimeProfile}).
 */
@EnabledIfSystemProperty(named = "benchmark.preset", matches = ".+")
class TrainingThroughputBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingThroughputBenchmark.class);
    private static final List<String> OUTPUTS = List.of(MusicVaeGraph.LOSS, MusicVaeGraph.R_LOSS,
            MusicVaeGraph.KL, MusicVaeGraph.LOGITS);

    @TempDir
    Path dir;

    @Test
    void measure() throws IOException {
        ModelConfig preset = ModelPresets.byName(System.getProperty("benchmark.preset"));
        ModelConfig sampled = "none".equals(System.getProperty("benchmark.sampling"))
                ? preset.withTraining(preset.training().withSampling(SamplingSchedule.NONE, 0)) : preset;
        int batchSize = Integer.getInteger("benchmark.batch", sampled.training().batchSize());
        ModelConfig config = sampled.withTraining(sampled.training().withBatchSize(batchSize));
        String graph = System.getProperty("benchmark.graph", "trainer");
        int steps = Integer.getInteger("benchmark.steps", 20);
        int warmup = Integer.getInteger("benchmark.warmup", 3);
        int threads = Integer.getInteger("benchmark.threads", 0);
        if (threads > 0) {
            NativeThreads.limit(threads);
        }
        Stamps stamps = new Stamps(warmup, steps);
        switch (graph) {
            case "trainer" -> timeTrainer(config, stamps, threads);
            case "graph", "straightforward" -> timeSteps(config, graph.equals("graph"), stamps);
            case "backprop" -> timeBackpropSteps(config, stamps, threads);
            default -> throw new IllegalArgumentException("benchmark.graph " + graph
                    + ": expected trainer, graph, straightforward or backprop");
        }
        int batch = config.training().batchSize();
        double wall = stamps.seconds(stamps.wall, warmup);
        double cpu = stamps.seconds(stamps.cpu, warmup);
        double threadCpu = stamps.seconds(stamps.threadCpu, warmup);
        LOG.info("{} {} ({}): batch {}, {} steps after {} warm-up, threads {}: {} s/step (median {}, min {}, max {}),"
                        + " {} sequences/s; process CPU {} s/step, {} sequences per CPU second; training thread CPU"
                        + " {} s/step", graph, config.name(), graph.equals("trainer")
                        ? config.training().samplingSchedule() : "teacher-forced", batch, steps, warmup, threads == 0 ? "default" : threads,
                format(wall / steps), format(stamps.medianStep(warmup)), format(stamps.minStep(warmup)),
                format(stamps.maxStep(warmup)), String.format("%.1f", steps * batch / wall), format(cpu / steps),
                String.format("%.1f", steps * batch / cpu), format(threadCpu / steps));
        Map<String, Long> jvmThreads = JvmThreadTimes.sinceMark();
        LOG.info("CPU s/step of the JVM's own threads over the timed steps: garbage collection {}, JIT compilers {},"
                        + " other {}", format(jvmThreads.get("gc") / 1e9 / steps),
                format(jvmThreads.get("jit") / 1e9 / steps), format(jvmThreads.get("other") / 1e9 / steps));
    }

    private static String format(double seconds) {
        return String.format("%.3f", seconds);
    }

    /**
     * Nanoseconds after each step: wall clock, the process's CPU time (collector and compiler
     * threads included) and the training thread's CPU time (the graph's own work).
     */
    private static final class Stamps {
        private final long[] wall;
        private final long[] cpu;
        private final long[] threadCpu;
        private final int timed;
        private int count;

        Stamps(int warmup, int timed) {
            this.timed = timed;
            wall = new long[warmup + timed];
            cpu = new long[warmup + timed];
            threadCpu = new long[warmup + timed];
        }

        int timed() {
            return timed;
        }

        void take() {
            if (count == wall.length - timed - 1) {
                JvmThreadTimes.mark();
            }
            wall[count] = System.nanoTime();
            cpu[count] = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
            threadCpu[count] = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            count++;
        }

        double seconds(long[] stamps, int warmup) {
            return (stamps[count - 1] - stamps[warmup - 1]) / 1e9;
        }

        private double[] sortedSteps(int warmup) {
            double[] steps = new double[count - warmup];
            for (int i = 0; i < steps.length; i++) {
                steps[i] = (wall[warmup + i] - wall[warmup + i - 1]) / 1e9;
            }
            Arrays.sort(steps);
            return steps;
        }

        double medianStep(int warmup) {
            double[] steps = sortedSteps(warmup);
            return steps[steps.length / 2];
        }

        double minStep(int warmup) {
            return sortedSteps(warmup)[0];
        }

        double maxStep(int warmup) {
            double[] steps = sortedSteps(warmup);
            return steps[steps.length - 1];
        }
    }

    /** Stamps after each step of the live training loop. */
    private void timeTrainer(ModelConfig config, Stamps stamps, int threads) throws IOException {
        Trainer trainer = TrainingEngines.start(config, TrainingBenchmark.syntheticWindows(config, 512, 0),
                new Trainer.Settings(dir.resolve("run"), stamps.wall.length, 1_000_000, 1_000_000, 0, 1_000_000, 1, threads));
        trainer.run(new TrainingListener() {
            @Override
            public void onProgress(TrainingProgress progress) {
                stamps.take();
            }
        });
    }

    /**
     * Stamps after each teacher-forced training step on the training graph or the baseline, both
     * from the same initial weights, doing {@link Trainer#trainStep}'s work: feeds, gradients,
     * clipping, Adam, argmax accuracy, and every array of the step freed at its end.
     */
    private static void timeSteps(ModelConfig config, boolean trainingGraph, Stamps stamps) {
        WeightSet weights = MusicVaeVariables.initialize(config, 1);
        int batch = config.training().batchSize();
        MusicVaeGraph graph = MusicVaeGraph.build(config, weights, DataType.FLOAT);
        StraightforwardMusicVae baseline = trainingGraph ? null
                : StraightforwardMusicVae.build(config, weights, DataType.FLOAT, batch);
        SameDiff sd = trainingGraph ? graph.sameDiff() : baseline.sameDiff();
        List<String> variables = trainingGraph ? graph.variableNames() : baseline.variableNames();
        Map<String, INDArray> parameters = parameters(sd, variables);
        AdamOptimizer optimizer = AdamOptimizer.fresh(shapes(parameters));
        TrainingBatches batches = syntheticBatches(config);
        OpTimeProfile profile = Boolean.getBoolean("benchmark.profile") ? new OpTimeProfile() : null;
        for (int step = 0; step < stamps.wall.length; step++) {
            if (profile != null && step == stamps.wall.length - stamps.timed()) {
                sd.addListeners(profile);
            }
            int[][] labels = batches.batch(step);
            INDArray input = MelodyTensors.oneHot(labels, config.numClasses(), DataType.FLOAT);
            INDArray eps = Nd4j.create(Evaluator.gaussianValues(batch, config.zSize(),
                    Seeds.random(1, Seeds.LATENT_NOISE, step)), new long[] {batch, config.zSize()}, 'c');
            Map<String, INDArray> feed = graph.feed(input, eps, Schedules.beta(config.training(), step));
            if (trainingGraph) {
                graph.trackRunArrays();
            } else {
                baseline.trackRunArrays();
            }
            OutAndGrad result = sd.calculateGradientsAndOutputs(feed, OUTPUTS, variables);
            clipAndUpdate(optimizer, parameters, result.getGradients(), config.training().gradClipNorm(),
                    Schedules.learningRate(config.training(), step));
            long hits = Evaluator.matches(MelodyTensors.argmaxLabels(result.getOutputs().get(MusicVaeGraph.LOGITS),
                    config.numSteps()), labels);
            if (step == 0) {
                LOG.info("first step: loss {}, accuracy {}", result.getOutputs().get(MusicVaeGraph.LOSS).getDouble(0),
                        hits / (double) (batch * config.numSteps()));
            }
            if (trainingGraph) {
                graph.closeRunArrays();
            } else {
                baseline.closeRunArrays();
            }
            for (INDArray array : feed.values()) {
                array.close();
            }
            stamps.take();
        }
        if (profile != null) {
            profile.report().forEach(LOG::info);
        }
    }

    /**
     * Stamps after each teacher-forced step whose gradients come from {@link MusicVaeBackprop}, with
     * the rest of {@link #timeSteps}' work: weights read from and written to the same ND4J
     * variables, gradients copied into ND4J arrays, clipping, Adam, accuracy.
     */
    private static void timeBackpropSteps(ModelConfig config, Stamps stamps, int threads) {
        WeightSet weights = MusicVaeVariables.initialize(config, 1);
        int batch = config.training().batchSize();
        MusicVaeGraph graph = MusicVaeGraph.build(config, weights, DataType.FLOAT);
        Map<String, INDArray> parameters = parameters(graph.sameDiff(), graph.variableNames());
        Map<String, long[]> shapes = shapes(parameters);
        AdamOptimizer optimizer = AdamOptimizer.fresh(shapes);
        TrainingBatches batches = syntheticBatches(config);
        try (MusicVaeBackprop backprop = MusicVaeBackprop.create(config, values(parameters), batch,
                threads > 0 ? threads : Runtime.getRuntime().availableProcessors())) {
            LOG.info("hand-written step: {}", backprop.description());
            for (int step = 0; step < stamps.wall.length; step++) {
                int[][] labels = batches.batch(step);
                INDArray eps = Nd4j.create(Evaluator.gaussianValues(batch, config.zSize(),
                    Seeds.random(1, Seeds.LATENT_NOISE, step)), new long[] {batch, config.zSize()}, 'c');
                MusicVaeBackprop.Result result = backprop.step(values(parameters), labels, eps.data().asFloat(),
                        Schedules.beta(config.training(), step), null);
                Map<String, INDArray> gradients = new LinkedHashMap<>();
                shapes.forEach((name, shape) -> gradients.put(name,
                        Nd4j.create(result.gradients().get(name), shape, 'c')));
                clipAndUpdate(optimizer, parameters, gradients, config.training().gradClipNorm(),
                        Schedules.learningRate(config.training(), step));
                if (step == 0) {
                    LOG.info("first step: loss {}, accuracy {}", result.loss(),
                            result.hits() / (double) (batch * config.numSteps()));
                }
                gradients.values().forEach(INDArray::close);
                eps.close();
                stamps.take();
            }
        }
    }

    /**
     * What the graph's training step does after its gradients: clipping to the global norm and Adam on
     * float copies of the parameters, written back.
     */
    private static void clipAndUpdate(AdamOptimizer optimizer, Map<String, INDArray> parameters,
                                      Map<String, INDArray> gradients, double clipNorm, double learningRate) {
        Map<String, float[]> parameterValues = new LinkedHashMap<>();
        Map<String, float[]> gradientValues = new LinkedHashMap<>();
        parameters.forEach((name, array) -> {
            parameterValues.put(name, array.dup('c').data().asFloat());
            gradientValues.put(name, gradients.get(name).castTo(DataType.FLOAT).dup('c').data().asFloat());
        });
        optimizer.update(parameterValues, gradientValues,
                Trainer.clipScale(Math.sqrt(ParameterBlocks.squaredNorm(gradientValues)), clipNorm), learningRate);
        parameterValues.forEach((name, values) ->
                parameters.get(name).assign(Nd4j.create(values, parameters.get(name).shape(), 'c')));
    }

    /** The live arrays of {@code names} in {@code sd}, in order. */
    private static Map<String, INDArray> parameters(SameDiff sd, List<String> names) {
        Map<String, INDArray> parameters = new LinkedHashMap<>();
        for (String name : names) {
            parameters.put(name, sd.getVariable(name).getArr());
        }
        return parameters;
    }

    private static Map<String, long[]> shapes(Map<String, INDArray> parameters) {
        Map<String, long[]> shapes = new LinkedHashMap<>();
        parameters.forEach((name, array) -> shapes.put(name, array.shape()));
        return shapes;
    }

    /** Batches of the preset's size from 512 synthetic windows, seed 1. */
    private static TrainingBatches syntheticBatches(ModelConfig config) {
        return new TrainingBatches(TrainingBenchmark.syntheticWindows(config, 512, 0).train(),
                config.training().batchSize(), config.training().transposeSemitones(), config.numClasses(), 1);
    }

    private static Map<String, float[]> values(Map<String, INDArray> parameters) {
        Map<String, float[]> values = new LinkedHashMap<>();
        parameters.forEach((name, array) -> values.put(name, array.data().asFloat()));
        return values;
    }
}
