package org.melodypalette.model.bench;

import com.sun.management.ThreadMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.melodypalette.model.api.DecodeOptions;
import org.melodypalette.model.api.Interpolation;
import org.melodypalette.model.api.LatentCodec;
import org.melodypalette.model.api.LatentVector;
import org.melodypalette.model.service.MelodyGenerators;
import org.melodypalette.music.Melody;

/**
 * Heap allocated by the calling thread per decode and per interpolation once the JIT has settled:
 * a hot inference path should allocate little more than its results, and garbage it makes costs
 * collections that stall the kernel's team. Not a test: runs only with
 * {@code -Dbenchmark.allocation=CHECKPOINT_DIR}, e.g.
 * <pre>
 * ./mvnw -B -o -q -pl model test -Dtest=InferenceAllocationBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dbenchmark.allocation=$PWD/../shared/magenta/checkpoints/mel_2bar_small_random
 * </pre>
 * Prints six rounds of {@value #DECODES} decodes and {@value #INTERPOLATIONS} interpolations
 * (2 → 11, as {@code palette bench}): kilobytes and milliseconds per call.
 */
@EnabledIfSystemProperty(named = "benchmark.allocation", matches = ".+")
class InferenceAllocationBenchmark {

    private static final int DECODES = 300;
    private static final int INTERPOLATIONS = 30;

    @Test
    void allocationPerCall() throws IOException {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        Path checkpoint = Path.of(System.getProperty("benchmark.allocation"));
        try (LatentCodec model = MelodyGenerators.open(checkpoint)) {
            model.warmUp();
            int steps = model.info().numSteps();
            Melody a = BenchmarkMelodies.scale(steps);
            Melody b = BenchmarkMelodies.twinkle(steps);
            List<LatentVector> z = model.encode(List.of(a));
            System.out.printf("allocation per call, %s%n", model.info().name());
            for (int round = 0; round < 6; round++) {
                long bytes0 = threads.getCurrentThreadAllocatedBytes();
                long nanos0 = System.nanoTime();
                for (int i = 0; i < DECODES; i++) {
                    model.decode(z, DecodeOptions.ARGMAX);
                }
                long bytes1 = threads.getCurrentThreadAllocatedBytes();
                long nanos1 = System.nanoTime();
                for (int i = 0; i < INTERPOLATIONS; i++) {
                    model.interpolate(a, b, 11, Interpolation.LERP, false, DecodeOptions.ARGMAX);
                }
                long bytes2 = threads.getCurrentThreadAllocatedBytes();
                long nanos2 = System.nanoTime();
                System.out.printf("round %d: decode %.0f KB %.2f ms | interpolate 2x11 %.0f KB %.2f ms%n", round,
                        (bytes1 - bytes0) / 1e3 / DECODES, (nanos1 - nanos0) / 1e6 / DECODES,
                        (bytes2 - bytes1) / 1e3 / INTERPOLATIONS, (nanos2 - nanos1) / 1e6 / INTERPOLATIONS);
            }
        }
    }
}
