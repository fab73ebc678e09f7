package org.melodypalette.model.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.melodypalette.model.bench.TrainingBenchmark;
import org.melodypalette.model.config.ModelConfig;
import org.melodypalette.model.config.ModelPresets;
import org.melodypalette.model.graphtrain.TrainingEngines;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Native memory of a training run of a preset, on synthetic windows: logs the process's resident
 * memory and JavaCPP's native byte counts every {@code benchmark.every} (default 10) steps, then
 * once more after a full collection. Not a test: runs only with {@code -Dbenchmark.memory=NAME}, e.g.
 * <pre>
 * taskset -c 1 nice -n 10 ./mvnw -B -o -q -pl model -am test -Dtest=TrainingMemoryBenchmark \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dbenchmark.memory=mel_2bar_cpu -Dbenchmark.steps=320
 * </pre>
 * {@code benchmark.evalInterval} (default none) adds evaluations of 64 synthetic windows;
 * {@code benchmark.gcEachStep=true} collects after every step (separates memory that only waits
 * for a collection from memory that is retained). Resident memory counts what the C allocator
 * keeps after arrays are freed, which is what JavaCPP's {@code maxPhysicalBytes} limit checks.
 */
@EnabledIfSystemProperty(named = "benchmark.memory", matches = ".+")
class TrainingMemoryBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingMemoryBenchmark.class);

    @TempDir
    Path dir;

    @Test
    void measure() throws IOException {
        ModelConfig config = ModelPresets.byName(System.getProperty("benchmark.memory"));
        int steps = Integer.getInteger("benchmark.steps", 150);
        int every = Integer.getInteger("benchmark.every", 10);
        int evalInterval = Integer.getInteger("benchmark.evalInterval", 1_000_000);
        Trainer trainer = TrainingEngines.start(config, TrainingBenchmark.syntheticWindows(config, 512, 64),
                new Trainer.Settings(dir.resolve("run"), steps, 1_000_000, evalInterval, 0, 1_000_000, 1, 0));
        log(0);
        while (trainer.step() < steps) {
            trainer.trainStep();
            if (Boolean.getBoolean("benchmark.gcEachStep")) {
                System.gc();
            }
            if (trainer.step() % evalInterval == 0) {
                trainer.evaluate();
            }
            if (trainer.step() % every == 0) {
                log(trainer.step());
            }
        }
        System.gc();
        log(-1);
    }

    /** Step -1 is after the final collection. */
    private static void log(long step) throws IOException {
        LOG.info("step {}: RSS {} MB, javacpp physicalBytes {} MB, totalBytes {} MB, heap used {} MB", step,
                residentKilobytes() / 1024, Pointer.physicalBytes() >> 20, Pointer.totalBytes() >> 20,
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
    }

    private static long residentKilobytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }
}
