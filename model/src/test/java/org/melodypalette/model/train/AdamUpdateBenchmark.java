package org.melodypalette.model.train;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.melodypalette.model.config.ModelConfig;
import org.melodypalette.model.config.ModelPresets;
import org.melodypalette.model.net.MusicVaeGraph;
import org.melodypalette.model.net.MusicVaeVariables;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Benchmark-only, A/B in one JVM: {@link AdamOptimizer#update(Map, Map, float, double)} (one fused loop per variable, on float arrays) against
 * the same update written as ND4J array operations (eight passes and four temporaries per
 * variable, as the optimiser did it before), alternating, on a preset's variables with random
 * gradients. Prints the training thread's CPU ms per update of each and whether both left the
 * parameters bit-identical. Runs only with {@code -Dbenchmark.adam.preset=NAME}:
 * <pre>
 * OMP_NUM_THREADS=1 ./mvnw -B -o -q -pl model test -Dtest=AdamUpdateBenchmark \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dbenchmark.adam.preset=mel_2bar_cpu [-Dbenchmark.rounds=10]
 * </pre>
 */
@EnabledIfSystemProperty(named = "benchmark.adam.preset", matches = ".+")
class AdamUpdateBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Test
    void alternate() {
        ModelConfig config = ModelPresets.byName(System.getProperty("benchmark.adam.preset"));
        int rounds = Integer.getInteger("benchmark.rounds", 10);
        MusicVaeGraph graph = MusicVaeGraph.build(config, MusicVaeVariables.initialize(config, 1), DataType.FLOAT);
        Map<String, long[]> shapes = new LinkedHashMap<>();
        Map<String, float[]> fused = new LinkedHashMap<>();
        Map<String, INDArray> passes = new LinkedHashMap<>();
        Map<String, INDArray> m = new LinkedHashMap<>();
        Map<String, INDArray> v = new LinkedHashMap<>();
        for (String name : graph.variableNames()) {
            INDArray variable = graph.variable(name);
            shapes.put(name, variable.shape());
            fused.put(name, variable.dup('c').data().asFloat());
            passes.put(name, variable.dup('c'));
            m.put(name, Nd4j.zeros(DataType.FLOAT, variable.shape()));
            v.put(name, Nd4j.zeros(DataType.FLOAT, variable.shape()));
        }
        AdamOptimizer adam = AdamOptimizer.fresh(shapes);
        Random random = new Random(1);
        long[] nanos = new long[2];
        for (int round = 0; round < 2 * rounds; round++) {
            Map<String, INDArray> gradients = new LinkedHashMap<>();
            Map<String, float[]> gradientValues = new LinkedHashMap<>();
            shapes.forEach((name, shape) -> {
                float[] g = new float[Math.toIntExact(Arrays.stream(shape).reduce(1, (a, b) -> a * b))];
                for (int i = 0; i < g.length; i++) {
                    g[i] = (float) (random.nextGaussian() * 1e-3);
                }
                gradients.put(name, Nd4j.create(g, shape, 'c'));
                gradientValues.put(name, g);
            });
            double lr = 1e-3;
            boolean fusedFirst = round % 2 == 0;
            for (int side = 0; side < 2; side++) {
                boolean useFused = (side == 0) == fusedFirst;
                long start = THREADS.getCurrentThreadCpuTime();
                if (useFused) {
                    adam.update(fused, gradientValues, 1f, lr);
                } else {
                    applyAsArrayOperations(passes, gradients, m, v, round + 1, lr);
                }
                long spent = THREADS.getCurrentThreadCpuTime() - start;
                if (round >= rounds) { // the first half warms both up
                    nanos[useFused ? 0 : 1] += spent;
                }
            }
            gradients.values().forEach(INDArray::close);
        }
        boolean identical = fused.keySet().stream().allMatch(name -> Arrays.equals(
                fused.get(name), passes.get(name).data().asFloat()));
        long parameters = shapes.values().stream().mapToLong(s -> Arrays.stream(s).reduce(1, (a, b) -> a * b)).sum();
        System.out.printf("Adam update, %s (%d parameters), %d alternating rounds after %d warm-up (loaded machine,"
                        + " CPU time): fused %.2f ms, as ND4J array operations %.2f ms per update (%.2fx);"
                        + " parameters bit-identical: %s%n", config.name(), parameters, rounds, rounds,
                nanos[0] / 1e6 / rounds, nanos[1] / 1e6 / rounds, (double) nanos[1] / nanos[0], identical);
    }

    /** The update as ND4J array operations, in TF's order (the optimiser's former implementation). */
    private static void applyAsArrayOperations(Map<String, INDArray> parameters, Map<String, INDArray> gradients,
                                               Map<String, INDArray> firstMoments, Map<String, INDArray> secondMoments,
                                               long updates, double learningRate) {
        double step = learningRate * Math.sqrt(1 - Math.pow(AdamOptimizer.BETA2, updates))
                / (1 - Math.pow(AdamOptimizer.BETA1, updates));
        for (Map.Entry<String, INDArray> e : firstMoments.entrySet()) {
            INDArray g = gradients.get(e.getKey());
            INDArray scaledGradient = g.mul(1 - AdamOptimizer.BETA1);
            INDArray mt = e.getValue().muli(AdamOptimizer.BETA1).addi(scaledGradient);
            INDArray scaledSquare = g.mul(g).muli(1 - AdamOptimizer.BETA2);
            INDArray vt = secondMoments.get(e.getKey()).muli(AdamOptimizer.BETA2).addi(scaledSquare);
            INDArray denominator = Transforms.sqrt(vt, true).addi(AdamOptimizer.EPSILON);
            INDArray update = mt.mul(step).divi(denominator);
            parameters.get(e.getKey()).subi(update);
            for (INDArray temporary : List.of(scaledGradient, scaledSquare, denominator, update)) {
                temporary.close();
            }
        }
    }
}
