package org.melodypalette.model.backprop;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * GFLOPS of the training step's matrix products, one thread, {@link ScalarArithmetic} against
 * {@link VectorArithmetic}. Not a test: runs only with {@code -Dbenchmark.arithmetic=true}, e.g.
 * <pre>
 * ./mvnw -B -o -q -pl model -am test -Dtest=ArithmeticBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dbenchmark.arithmetic=true
 * </pre>
 * ({@code -Dbenchmark.arithmetic.only=vector} skips the scalar column). Per shape and
 * implementation: {@value #WARM_UP_NANOS} ns of warm-up, then the median of {@value #RUNS} runs of
 * at least {@value #RUN_NANOS} ns each.
 */
@EnabledIfSystemProperty(named = "benchmark.arithmetic", matches = "true")
class ArithmeticBenchmark {

    private static final long WARM_UP_NANOS = 1_000_000_000L;
    private static final long RUN_NANOS = 50_000_000L;
    private static final int RUNS = 11;

    /** {m, n, p, A transposed (1) or not}: the products of one LSTM training step. */
    private static final int[][] SHAPES = {
        {32, 1024, 256, 0},   // gates: batch 32, [x, h] 256 → 4·256 units
        {64, 1024, 256, 0},   // gates: batch 64
        {64, 1024, 128, 0},   // gates: 128 inputs
        {512, 1024, 128, 0},  // input projection of 8 steps at once
        {64, 256, 1024, 0},   // backward data: dG · Wᵀ, W stored transposed [1024, 256]
        {256, 1024, 2048, 1}, // weight gradient: Xᵀ · dG over 2048 rows (batch × time)
        {256, 1024, 8192, 1}, // weight gradient over 8192 rows
        {2048, 90, 256, 0},   // output layer: 90 classes
        {2048, 256, 90, 0},   // output layer backward data
        {256, 90, 2048, 1},   // output layer weight gradient
    };

    @Test
    void gflopsPerShape() {
        boolean scalarToo = !"vector".equals(System.getProperty("benchmark.arithmetic.only"));
        System.out.printf("%-26s %10s %10s %8s%n", "m × n × p", "scalar", "vector", "ratio");
        for (int[] shape : SHAPES) {
            double scalar = scalarToo ? gflops(new ScalarArithmetic(), shape) : Double.NaN;
            double vector = gflops(new VectorArithmetic(), shape);
            String name = String.format("%d × %d × %d%s", shape[0], shape[1], shape[2], shape[3] == 1 ? " (Aᵀ)" : "");
            System.out.printf("%-26s %10.1f %10.1f %7.1fx%n", name, scalar, vector, vector / scalar);
        }
        activations();
    }

    private static double gflops(Arithmetic arithmetic, int[] shape) {
        int m = shape[0];
        int n = shape[1];
        int p = shape[2];
        boolean transposed = shape[3] == 1;
        SplittableRandom random = new SplittableRandom(1);
        float[] a = randoms(random, m * p);
        float[] b = randoms(random, p * n);
        float[] c = new float[m * n];
        Runnable call = () -> arithmetic.gemm(m, n, p, a, 0, transposed ? 1 : p, transposed ? m : 1, b, 0, n,
                c, 0, n, false);
        double[] nanosPerCall = measure(call);
        return 2.0 * m * n * p / median(nanosPerCall);
    }

    /** Billions of elements per second through σ on 64 × 1024 gates (plus tanh on a quarter of them). */
    private static void activations() {
        Arithmetic[] arithmetics = {new ScalarArithmetic(), new VectorArithmetic()};
        float[] gates = randoms(new SplittableRandom(2), 64 * 1024);
        System.out.printf("%-26s", "σ/tanh, 64 × 1024 gates");
        for (Arithmetic arithmetic : arithmetics) {
            Runnable call = () -> {
                for (int row = 0; row < 64; row++) {
                    int at = row * 1024;
                    arithmetic.sigmoid(gates, at, at + 512);
                    arithmetic.tanh(gates, at + 512, at + 768);
                    arithmetic.sigmoid(gates, at + 768, at + 1024);
                }
            };
            System.out.printf(" %7.2f G/s", gates.length / median(measure(call)));
        }
        System.out.println();
    }

    /** ns per call in each of {@link #RUNS} runs, after warm-up. */
    private static double[] measure(Runnable call) {
        long start = System.nanoTime();
        long calls = 0;
        while (System.nanoTime() - start < WARM_UP_NANOS) {
            call.run();
            calls++;
        }
        long callsPerRun = Math.max(1, calls * RUN_NANOS / WARM_UP_NANOS);
        double[] nanos = new double[RUNS];
        for (int r = 0; r < RUNS; r++) {
            long t0 = System.nanoTime();
            for (long k = 0; k < callsPerRun; k++) {
                call.run();
            }
            nanos[r] = (double) (System.nanoTime() - t0) / callsPerRun;
        }
        return nanos;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static float[] randoms(SplittableRandom random, int length) {
        float[] x = new float[length];
        for (int k = 0; k < length; k++) {
            x[k] = (float) random.nextDouble(-1, 1);
        }
        return x;
    }
}
