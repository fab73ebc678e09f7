package org.melodypalette.model.train;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.melodypalette.model.api.TrainingListener;
import org.melodypalette.model.api.TrainingProgress;
import org.melodypalette.model.bench.TrainingBenchmark;
import org.melodypalette.model.config.ModelConfig;
import org.melodypalette.model.config.ModelPresets;
import org.melodypalette.model.graphtrain.TrainingEngines;

/**
 * Where the threads of a sharded training step spend their CPU time: the live loop
 * ({@link Trainer#run}, hand-written step, the preset's clipping and Adam) with two shards, and per
 * step the CPU time of the training thread (shard 0 plus whatever the step does on it alone) and of
 * the other shard's thread. Their difference is the work only the training thread does while the
 * other waits: on a machine with a free core for each, the step's wall time is the training
 * thread's. CPU time, so that other processes on the cores disturb it least. Not a test: runs only
 * with {@code -Dbenchmark.threads.preset=NAME}, e.g.
 * <pre>
 * ./mvnw -B -o -q -pl model -am test -Dtest=TrainingThreadTimes -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dbenchmark.threads.preset=mel_2bar_cpu -Dbenchmark.batch=64 -Dbenchmark.steps=8 -Dbenchmark.warmup=3 \
 *     [-Dbenchmark.out=FILE]
 * </pre>
 */
@EnabledIfSystemProperty(named = "benchmark.threads.preset", matches = ".+")
class TrainingThreadTimes {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @TempDir
    Path dir;

    @Test
    void threadTimes() throws IOException {
        ModelConfig preset = ModelPresets.byName(System.getProperty("benchmark.threads.preset"));
        int batch = Integer.getInteger("benchmark.batch", preset.training().batchSize());
        ModelConfig config = preset.withTraining(preset.training().withBatchSize(batch));
        int steps = Integer.getInteger("benchmark.steps", 8);
        int warmup = Integer.getInteger("benchmark.warmup", 3);
        long[] caller = new long[warmup + steps + 1];
        long[] other = new long[warmup + steps + 1];
        long[] wall = new long[warmup + steps + 1];
        caller[0] = THREADS.getCurrentThreadCpuTime();
        wall[0] = System.nanoTime();
        try (Trainer trainer = TrainingEngines.start(config, TrainingBenchmark.syntheticWindows(config, 512, 0),
                new Trainer.Settings(dir.resolve("run"), warmup + steps, Integer.MAX_VALUE, Integer.MAX_VALUE, 0,
                        Integer.MAX_VALUE, 1, 2))) {
            trainer.run(new TrainingListener() {
                private int taken;

                @Override
                public void onProgress(TrainingProgress progress) {
                    taken++;
                    caller[taken] = THREADS.getCurrentThreadCpuTime();
                    other[taken] = shardThreadCpu();
                    wall[taken] = System.nanoTime();
                }
            });
        }
        double callerMs = (caller[warmup + steps] - caller[warmup]) / 1e6 / steps;
        double otherMs = (other[warmup + steps] - other[warmup]) / 1e6 / steps;
        double wallMs = (wall[warmup + steps] - wall[warmup]) / 1e6 / steps;
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%s batch %d, 2 shards, %d steps after %d: training thread %.1f ms CPU/step, other shard"
                        + " thread %.1f ms CPU/step, training thread alone %.1f ms/step (wall %.1f ms/step, loaded)",
                config.name(), batch, steps, warmup, callerMs, otherMs, callerMs - otherMs, wallMs));
        lines.forEach(System.out::println);
        String out = System.getProperty("benchmark.out");
        if (out != null) {
            Files.write(Path.of(out), lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    /** CPU nanoseconds so far of the step's second shard thread (named {@code backprop-shard-1}); 0 before it starts. */
    private static long shardThreadCpu() {
        long total = 0;
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("backprop-shard-")) {
                total += Math.max(0, THREADS.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }
}
