package org.melodypalette.model.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.melodypalette.files.AtomicFiles;
import org.melodypalette.model.api.DecodeOptions;
import org.melodypalette.model.api.Encoding;
import org.melodypalette.model.api.Interpolation;
import org.melodypalette.model.api.LatentCodec;
import org.melodypalette.model.api.LatentVector;
import org.melodypalette.model.api.MorphPath;
import org.melodypalette.model.api.RefineOptions;
import org.melodypalette.model.backprop.DecoderLikelihood;
import org.melodypalette.model.checkpoint.CheckpointFolder;
import org.melodypalette.model.checkpoint.LoadedCheckpoint;
import org.melodypalette.model.checkpoint.WeightTensor;
import org.melodypalette.model.config.ModelConfig;
import org.melodypalette.model.service.MelodyGenerators;
import org.melodypalette.music.Melody;

/**
 * Inference latency, operation for operation as the magenta.js peer script measures it
 * ({@code shared/magenta/peer/golden.js}, same inputs and the same JSON shape):
 * {@code load}, {@code encode_1}, {@code decode_1_argmax}, {@code decode_1_temp0_5},
 * {@code interpolate_2x11_argmax}, {@code sample_16_temp0_5}; and ours: {@code refine_1}, {@code refine_step_1},
 * {@code morph_path_7} (see the result's info). Each operation runs repeatedly for
 * {@value #WARM_UP_MILLIS} ms (at least once) to warm up, then {@code runs} times; the model is also
 * {@link LatentCodec#warmUp() warmed up} once after opening, as the workbench does. Everything goes
 * through the public {@code model.api}.
 *
 * <p>The warm-up times steady state, what a composer dragging a slider gets: right after start-up
 * the JIT keeps compiling for seconds, and its threads take the cores the kernel's two-thread team
 * needs, so a single warm-up call left the team running on one thread through most of a 10-run
 * measurement (docs/measurements/bench/warm-up.txt).
 */
public final class InferenceBenchmark {

    static final long WARM_UP_MILLIS = 1000;

    /** One operation's wall-clock times in milliseconds (p95 in addition to the peer's fields). */
    public record Timing(@JsonProperty("median_ms") double medianMs, @JsonProperty("min_ms") double minMs,
                         @JsonProperty("max_ms") double maxMs, @JsonProperty("p95_ms") double p95Ms,
                         @JsonProperty("runs") int runs) {

        static Timing of(double[] millis) {
            double[] sorted = millis.clone();
            Arrays.sort(sorted);
            int n = sorted.length;
            double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
            double p95 = sorted[Math.min(n - 1, (int) Math.ceil(0.95 * n) - 1)];
            return new Timing(round(median), round(sorted[0]), round(sorted[n - 1]), round(p95), n);
        }

        private static double round(double ms) {
            return Math.round(ms * 100) / 100.0;
        }
    }

    /** What ran where, and the timings by operation name. */
    public record Result(Map<String, Object> info, Map<String, Timing> timings) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private InferenceBenchmark() {
    }

    /** Times every operation on the checkpoint, {@code runs} times each after one warm-up call. */
    public static Result run(Path checkpoint, int runs) throws IOException {
        if (runs < 1) {
            throw new IllegalArgumentException("runs " + runs + " must be at least 1");
        }
        Map<String, Timing> timings = new LinkedHashMap<>();
        timings.put("load", time(runs, () -> {
            try (LatentCodec ignored = MelodyGenerators.open(checkpoint)) {
                return;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
        try (LatentCodec model = MelodyGenerators.open(checkpoint)) {
            long warmStart = System.nanoTime();
            model.warmUp();
            double warmUpMs = (System.nanoTime() - warmStart) / 1e6;
            int steps = model.info().numSteps();
            Melody a = BenchmarkMelodies.scale(steps);
            Melody b = BenchmarkMelodies.twinkle(steps);
            List<LatentVector> z = model.encode(List.of(a));
            DecodeOptions half = DecodeOptions.sampling(0.5, 1);
            timings.put("encode_1", time(runs, () -> model.encode(List.of(a))));
            timings.put("decode_1_argmax", time(runs, () -> model.decode(z, DecodeOptions.ARGMAX)));
            timings.put("decode_1_temp0_5", time(runs, () -> model.decode(z, half)));
            timings.put("interpolate_2x11_argmax",
                    time(runs, () -> model.interpolate(a, b, 11, Interpolation.LERP, false, DecodeOptions.ARGMAX)));
            timings.put("sample_16_temp0_5", time(runs, () -> model.sample(16, half)));
            List<LatentVector> ab = model.encode(List.of(a, b));
            timings.put("morph_path_7", time(runs, () -> model.evenPath(ab.get(0), ab.get(1), 7, Interpolation.SLERP)));
            Melody reel = BenchmarkMelodies.reel(steps);
            Encoding refined = model.encode(List.of(reel), RefineOptions.DEFAULT).get(0);
            timings.put("refine_1", time(runs, () -> model.encode(List.of(reel), RefineOptions.DEFAULT)));
            timings.put("refine_step_1", refineStep(checkpoint, model.labels(reel), refined.mean().toArray(), runs));
            Encoding byBars = null;
            if (CheckpointFolder.load(checkpoint).config().decoder() == ModelConfig.DecoderKind.HIERARCHICAL) {
                timings.put("refine_bars_1", time(runs, () -> model.encode(List.of(reel), RefineOptions.BARS)));
                byBars = model.encode(List.of(reel), RefineOptions.BARS).get(0);
            }
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("model", model.info().name());
            info.put("numSteps", steps);
            info.put("zDims", model.info().zSize());
            info.put("java", Runtime.version().toString());
            info.put("cores", Runtime.getRuntime().availableProcessors());
            info.put("kernel", kernelOf(model));
            info.put("warm_up_ms", Math.round(warmUpMs));
            info.put("refine_1", "the reel of BenchmarkMelodies, RefineOptions.DEFAULT: " + refined.steps()
                    + " steps, " + (refined.exact() ? "exact" : "not exact"));
            if (byBars != null) {
                info.put("refine_bars_1", "the same reel, RefineOptions.BARS (per-bar offsets), after the timed runs: "
                        + byBars.steps()
                        + " steps, " + (byBars.exact() ? "exact" : "not exact"));
            }
            info.put("refine_step_1", "one forward and backward pass of the decoder for dNLL/dz at batch 1");
            info.put("morph_path_7", "where the workbench's 7-step strip sits between two codes (LatentCodec.evenPath: "
                    + MorphPath.finePoints(7) + " argmax decodes and up to " + (MorphPath.finePoints(7) - 1)
                    + " midpoints, then the choice)");
            return new Result(info, timings);
        }
    }

    /** The result as JSON in the peer's shape ({@code {"info": ..., "timings": {"<op>": {...}}}}). */
    public static byte[] toJson(Result result) {
        try {
            return JSON.writeValueAsBytes(result);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(Result result, Path file) throws IOException {
        AtomicFiles.write(file, toJson(result));
    }

    /** One {@link DecoderLikelihood} pass at batch 1, the unit refinement repeats. */
    private static Timing refineStep(Path checkpoint, int[] labels, float[] z, int runs) throws IOException {
        LoadedCheckpoint loaded = CheckpointFolder.load(checkpoint);
        Map<String, float[]> weights = new LinkedHashMap<>();
        for (WeightTensor tensor : loaded.weights().tensors()) {
            weights.put(tensor.name(), tensor.values());
        }
        DecoderLikelihood likelihood = DecoderLikelihood.create(loaded.config(), weights, 1);
        return time(runs, () -> likelihood.evaluate(z, new int[][] {labels}));
    }

    private static String kernelOf(LatentCodec model) {
        return model instanceof org.melodypalette.model.infer.KernelMelodyGenerator k ? k.kernelDescription() : "?";
    }

    static Timing time(int runs, Runnable op) {
        long warmUntil = System.nanoTime() + WARM_UP_MILLIS * 1_000_000;
        do {
            op.run();
        } while (System.nanoTime() - warmUntil < 0);
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            op.run();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        return Timing.of(millis);
    }

    /**
     * {@code InferenceBenchmark CHECKPOINT_DIR [RUNS] [--json FILE]}: prints the JSON (a developer
     * entry point; the CLI's {@code palette bench} is the user-facing one).
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: InferenceBenchmark CHECKPOINT_DIR [RUNS] [--json FILE]");
            System.exit(2);
        }
        int runs = args.length > 1 && !args[1].startsWith("--") ? Integer.parseInt(args[1]) : 10;
        Result result = run(Path.of(args[0]), runs);
        int json = Arrays.asList(args).indexOf("--json");
        if (json >= 0 && json + 1 < args.length) {
            write(result, Path.of(args[json + 1]));
        }
        System.out.println(new String(toJson(result), java.nio.charset.StandardCharsets.UTF_8));
    }
}
