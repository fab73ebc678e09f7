package org.melodypalette.model.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.melodypalette.model.api.ContinuationOptions;
import org.melodypalette.model.service.MelodyContinuer;
import org.melodypalette.model.config.ComputeOptions;
import org.melodypalette.model.config.ContinuationConfig;
import org.melodypalette.model.config.ContinuationPresets;
import org.melodypalette.model.train.ContinuationTrainer;

/**
 * Continuation latency ({@code palette bench --continuation}): a 2-bar primer (the benchmark scale)
 * continued by 2 bars, one candidate and four, sampled at temperature 1 and argmax. Timed as
 * {@link InferenceBenchmark} times its operations (warm-up, then {@code runs} runs). On a checkpoint
 * folder, or on a preset's freshly initialised weights (the time does not depend on their values).
 */
public final class ContinuationBenchmark {

    private ContinuationBenchmark() {
    }

    /** @param source a continuation checkpoint folder, or the name of a continuation preset */
    public static InferenceBenchmark.Result run(String source, int runs) throws IOException {
        if (runs < 1) {
            throw new IllegalArgumentException("runs " + runs + " must be at least 1");
        }
        Path folder = Path.of(source);
        boolean fromFolder = Files.isDirectory(folder);
        try (MelodyContinuer continuer = fromFolder ? MelodyContinuer.open(folder) : fromPreset(source)) {
            ContinuationConfig config = continuer.config();
            int bars = 2;
            int steps = bars * config.stepsPerBar();
            int[] primer = continuer.labels(BenchmarkMelodies.scale(steps));
            Map<String, InferenceBenchmark.Timing> timings = new LinkedHashMap<>();
            timings.put("continue_1x2bars_temp1", InferenceBenchmark.time(runs,
                    () -> continuer.continueLabels(primer, steps, ContinuationOptions.of(1, 1.0, 1.0, 1))));
            timings.put("continue_1x2bars_argmax", InferenceBenchmark.time(runs,
                    () -> continuer.continueLabels(primer, steps, ContinuationOptions.of(1, 0, 1.0, 1))));
            timings.put("continue_4x2bars_temp1", InferenceBenchmark.time(runs,
                    () -> continuer.continueLabels(primer, steps, ContinuationOptions.of(4, 1.0, 1.0, 1))));
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("model", config.name() + (fromFolder ? " (" + folder + ", step " + continuer.step() + ")"
                    : " (initial weights)"));
            info.put("layers", config.layerSizes());
            info.put("primerSteps", primer.length);
            info.put("continuedSteps", steps);
            info.put("java", Runtime.version().toString());
            info.put("cores", Runtime.getRuntime().availableProcessors());
            info.put("kernel", continuer.description());
            return new InferenceBenchmark.Result(info, timings);
        }
    }

    private static MelodyContinuer fromPreset(String name) {
        ContinuationConfig config = ContinuationPresets.byName(name);
        return MelodyContinuer.of(config, ContinuationTrainer.initialWeights(config, 0),
                ComputeOptions.fromSystemProperties());
    }
}
