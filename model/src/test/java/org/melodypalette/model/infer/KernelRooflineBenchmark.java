package org.melodypalette.model.infer;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.melodypalette.model.config.ComputeOptions;
import org.melodypalette.model.cpu.Rows;

/**
 * What bounds a batch-1 decode on this machine: how fast the kernel streams a packed weight matrix
 * of a given size (one LSTM step reads the whole matrix once, so µs per call and GB/s tell whether
 * the weights came from a core's L2 or from the shared L3), on one thread and split over two, and
 * what one two-thread region (a barrier) costs with no work in it. Not a test: runs only with
 * {@code -Dbenchmark.roofline=true} on an otherwise idle machine, e.g.
 * <pre>
 * ./mvnw -B -o -q -pl model test -Dtest=KernelRooflineBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dbenchmark.roofline=true
 * </pre>
 * Prints one line per matrix size and thread count (medians of {@value #CALLS} calls after as many
 * warm-up calls) and the barrier's median and 95th percentile.
 */
@EnabledIfSystemProperty(named = "benchmark.roofline", matches = "true")
class KernelRooflineBenchmark {

    private static final int CALLS = 2000;
    /** An LSTM with 256 units has 1024 gate columns, as mel_2bar_small's decoder. */
    private static final int COLUMNS = 1024;
    private static final double[] MEGABYTES = {0.25, 0.5, 1, 1.5, 2, 3, 4, 8, 16};

    @Test
    void streamingAndBarrier() {
        System.out.printf("kernel roofline, %d gate columns, batch 1, medians of %d calls%n", COLUMNS, CALLS);
        int group;
        try (Kernel kernel = Kernel.create(ComputeOptions.fromSystemProperties().withInferenceThreads(1))) {
            group = 4 * kernel.lanes();
        }
        for (double mb : MEGABYTES) {
            int rows = (int) Math.round(mb * 1024 * 1024 / 4 / COLUMNS);
            PackedMatrix w = randomMatrix(rows, group);
            System.out.printf("%6.2f MB (%4d rows): 1 thread %s | 2 threads %s%n", mb, rows,
                    stream(w, 1), stream(w, 2));
        }
        barrier();
    }

    /** Median µs per batch-1 gemm and the bandwidth it implies. */
    private static String stream(PackedMatrix w, int threads) {
        float[] x = new float[w.rows];
        Arrays.fill(x, 0.01f);
        Rows init = new Rows(new float[w.cols], 0, 0);
        Rows out = new Rows(new float[w.cols], 0, w.cols);
        long[] nanos = new long[CALLS];
        try (Kernel kernel = Kernel.create(ComputeOptions.fromSystemProperties().withInferenceThreads(threads))) {
            kernel.begin();
            for (int i = 0; i < 2 * CALLS; i++) {
                long start = System.nanoTime();
                kernel.gemm(w, init, new Rows(x, 0, w.rows), out, 1);
                if (i >= CALLS) {
                    nanos[i - CALLS] = System.nanoTime() - start;
                }
            }
            kernel.end();
        }
        Arrays.sort(nanos);
        double micros = nanos[CALLS / 2] / 1e3;
        double gigabytes = w.data.length * 4.0 / (micros * 1e3);
        return String.format("%8.1f µs %6.1f GB/s", micros, gigabytes);
    }

    private static void barrier() {
        long[] nanos = new long[CALLS * 10];
        try (Team team = new Team(2)) {
            team.begin();
            for (int i = 0; i < nanos.length; i++) {
                long start = System.nanoTime();
                team.run(8, (chunk, slot) -> { });
                nanos[i] = System.nanoTime() - start;
            }
            team.end();
        }
        Arrays.sort(nanos);
        System.out.printf("two-thread region with no work (%d runs): median %.2f µs, p95 %.2f µs, max %.1f µs%n",
                nanos.length, nanos[nanos.length / 2] / 1e3, nanos[nanos.length * 95 / 100] / 1e3,
                nanos[nanos.length - 1] / 1e3);
    }

    private static PackedMatrix randomMatrix(int rows, int group) {
        SplittableRandom random = new SplittableRandom(rows);
        float[] w = new float[rows * COLUMNS];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) random.nextDouble(-0.1, 0.1);
        }
        int[] rowMap = new int[rows];
        int[] colMap = new int[COLUMNS];
        Arrays.setAll(rowMap, i -> i);
        Arrays.setAll(colMap, i -> i);
        return PackedMatrix.pack(w, COLUMNS, rowMap, colMap, group);
    }
}
