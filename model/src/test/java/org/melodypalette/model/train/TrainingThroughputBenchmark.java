package org.melodypalette.model.train;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.melodypalette.datasets.DatasetInfo;
import org.melodypalette.datasets.LabelWindows;
import org.melodypalette.datasets.WindowDataset;
import org.melodypalette.model.api.TrainingListener;
import org.melodypalette.model.api.TrainingProgress;
import org.melodypalette.model.config.ModelConfig;
import org.melodypalette.model.config.ModelPresets;
import org.melodypalette.model.config.TrainingConfig.SamplingSchedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Training throughput of a preset at its batch size, on synthetic melody windows (throughput
 * does not depend on the labels). Not a test: runs only with {@code -Dbenchmark.preset=NAME}, e.g.
 * <pre>
 * ./mvnw -B -o -q -pl model test -Dtest=TrainingThroughputBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dbenchmark.preset=mel_2bar_cpu -Dbenchmark.steps=20 -Dbenchmark.threads=1
 * </pre>
 * It times {@code benchmark.steps} steps after {@code benchmark.warmup} (default 3) and logs
 * sequences per second and the process's CPU seconds per step (steadier than wall time on a shared
 * machine). {@code -Dbenchmark.sampling=none} trains the preset teacher-forced (no scheduled sampling).
 */
@EnabledIfSystemProperty(named = "benchmark.preset", matches = ".+")
class TrainingThroughputBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingThroughputBenchmark.class);

    @TempDir
    Path dir;

    @Test
    void measure() throws IOException {
        ModelConfig preset = ModelPresets.byName(System.getProperty("benchmark.preset"));
        ModelConfig config = "none".equals(System.getProperty("benchmark.sampling"))
                ? preset.withTraining(preset.training().withSampling(SamplingSchedule.NONE, 0)) : preset;
        int steps = Integer.getInteger("benchmark.steps", 20);
        int warmup = Integer.getInteger("benchmark.warmup", 3);
        int threads = Integer.getInteger("benchmark.threads", 0);
        if (threads > 0) {
            NativeThreads.limit(threads);
        }
        Trainer trainer = Trainer.start(config, syntheticData(config, 512, 0),
                new Trainer.Settings(dir.resolve("run"), warmup + steps, 1_000_000, 1_000_000, 0, 1_000_000, 1));
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        List<Long> stamps = new ArrayList<>();
        List<Long> cpuStamps = new ArrayList<>();
        trainer.run(new TrainingListener() {
            @Override
            public void onProgress(TrainingProgress progress) {
                stamps.add(System.nanoTime());
                cpuStamps.add(os.getProcessCpuTime());
            }
        });
        double seconds = (stamps.get(stamps.size() - 1) - stamps.get(warmup - 1)) / 1e9;
        double cpuSeconds = (cpuStamps.get(cpuStamps.size() - 1) - cpuStamps.get(warmup - 1)) / 1e9;
        int batch = config.training().batchSize();
        LOG.info("{} ({}): batch {}, {} steps after {} warm-up, threads {}: {} s/step, {} sequences/s, {} CPU s/step",
                config.name(), config.training().samplingSchedule(), batch, steps, warmup,
                threads == 0 ? "default" : threads, String.format("%.3f", seconds / steps),
                String.format("%.1f", steps * batch / seconds), String.format("%.3f", cpuSeconds / steps));
    }

    /**
     * {@code trainCount} train and {@code evalCount} eval windows, random and melody-like: a note on
     * every 4th step on average, in a two-octave range.
     */
    static WindowDataset syntheticData(ModelConfig config, int trainCount, int evalCount) {
        SplittableRandom random = new SplittableRandom(3);
        List<int[]> rows = new ArrayList<>();
        for (int i = 0; i < trainCount + evalCount; i++) {
            int[] row = new int[config.numSteps()];
            for (int t = 0; t < row.length; t++) {
                int r = random.nextInt(8);
                row[t] = r < 2 ? 30 + random.nextInt(24) : r == 2 ? 1 : 0;
            }
            rows.add(row);
        }
        DatasetInfo info = new DatasetInfo(config.bars(), config.stepsPerBar(), List.of("synthetic"), Map.of(),
                Map.of());
        return new WindowDataset(info, LabelWindows.of(config.numSteps(), rows.subList(0, trainCount)),
                LabelWindows.of(config.numSteps(), rows.subList(trainCount, rows.size())));
    }
}
