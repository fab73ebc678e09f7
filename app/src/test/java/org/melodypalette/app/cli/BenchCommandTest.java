package org.melodypalette.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melodypalette.testing.SharedData;

/**
 * {@code palette bench}'s training-throughput, dataset-build and refinement modes (inference is timed by the
 * bench scripts).
 */
class BenchCommandTest {

    private static final Path CHECKPOINTS = Path.of("..", "checkpoints").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void measuresTheTrainingThroughputOfAPreset() throws IOException {
        Path json = dir.resolve("training.json");

        CliRun run = CliRun.of("bench", "--training", "tiny-test", "--steps", "3", "--warmup", "1", "--threads", "2",
                "--json", json.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("training tiny-test, batch 4, threads 2, 3 steps after 1 warm-up")
                .contains("sequences/s");
        JsonNode training = Json.MAPPER.readTree(json.toFile()).get("training");
        assertThat(training.get("steps").asInt()).isEqualTo(3);
        assertThat(training.get("sequencesPerSecond").asDouble()).isPositive();
        assertThat(training.get("minStepMs").asDouble()).isLessThanOrEqualTo(training.get("medianStepMs").asDouble());
    }

    @Test
    void timesADatasetBuild() throws IOException {
        Path tune;
        try (Stream<Path> files = Files.walk(SharedData.require("data/cre-irish"))) {
            tune = files.filter(p -> p.toString().endsWith(".mid")).sorted().findFirst().orElseThrow();
        }
        Path json = dir.resolve("dataset.json");

        CliRun run = CliRun.of("bench", "--dataset-bars", "2", "--json", json.toString(), tune.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("dataset of 2-bar windows from 1 file:").contains("wrote " + json + "\n");
        JsonNode build = Json.MAPPER.readTree(json.toFile()).get("dataset_build");
        assertThat(build.get("files").asInt()).isEqualTo(1);
        assertThat(build.get("seconds").asDouble()).isPositive();

        // A report file named again is replaced in place (scripts re-run benchmarks), and the line says so.
        CliRun again = CliRun.of("bench", "--dataset-bars", "2", "--json", json.toString(), tune.toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("wrote " + json + " (replaced the earlier file)");
    }

    @Test
    void anUnknownPresetIsOneMessageNamingTheValidOnes() {
        CliRun run = CliRun.of("bench", "--training", "no-such-preset");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("no-such-preset").contains("mel_2bar_cpu").doesNotContain("\tat ");
    }

    @Test
    void refinesSpreadEvalWindowsAsTheWorkbenchDoesAndCountsWhatComesBack() throws IOException {
        Path data = irishDataset();
        Path json = dir.resolve("refine.json");

        CliRun run = CliRun.of("bench", "--checkpoint", CHECKPOINTS.resolve("mel_2bar").toString(), "--refine",
                data.toString(), "--melodies", "8", "--json", json.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode refinement = Json.MAPPER.readTree(json.toFile()).get("refinement");
        int evalWindows = refinement.get("eval_windows").asInt();
        assertThat(evalWindows).isGreaterThan(8);
        assertThat(run.out()).contains("8 of the " + evalWindows + " eval windows of " + data);
        assertThat(refinement.get("melodies").asInt()).isEqualTo(8);
        // The workbench's setting for a flat decoder: z alone, within 1 s per melody.
        JsonNode options = refinement.get("options");
        assertThat(options.get("budgetMillis").asLong()).isEqualTo(1000);
        assertThat(options.get("barLearningRate").asDouble()).isZero();
        // The bundled model gives back nearly every eval window of the shared corpora after refinement
        // (its model card: 496 of 496); these 8 are windows of tunes it may have trained on.
        int exact = refinement.get("exact").asInt();
        assertThat(exact).isGreaterThanOrEqualTo(6);
        assertThat(refinement.get("bars_exact").asInt()).isBetween(2 * exact, 16);
        assertThat(run.out()).contains("given back exactly: " + exact + " of 8 melodies");
        JsonNode ms = refinement.get("ms_per_melody");
        assertThat(ms.get("runs").asInt()).isEqualTo(8);
        assertThat(ms.get("median_ms").asDouble()).isPositive().isLessThanOrEqualTo(ms.get("p95_ms").asDouble());
        JsonNode steps = refinement.get("steps_per_melody");
        assertThat(steps.get("max").asInt()).isBetween(steps.get("p95").asInt(), 300);
    }

    @Test
    void aDatasetOfAnotherLengthIsOneMessageNamingItAndTheModel() throws IOException {
        Path data = irishDataset();
        Path model = CHECKPOINTS.resolve("mel_16bar");

        CliRun run = CliRun.of("bench", "--checkpoint", model.toString(), "--refine", data.toString());

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains(data + ": windows have 32 steps but the model in " + model + " needs 256")
                .doesNotContain("\tat ");
    }

    @Test
    void refinementOptionsThatCannotRunAreOneMessageEach() throws IOException {
        Path data = dir.resolve("none.windows");
        String model = CHECKPOINTS.resolve("mel_2bar").toString();

        CliRun missing = CliRun.of("bench", "--checkpoint", model, "--refine", data.toString());
        assertThat(missing.exitCode()).isNotZero();
        assertThat(missing.err()).contains(data.toString()).doesNotContain("\tat ");
        assertThat(CliRun.of("bench", "--refine", data.toString(), "--melodies", "0").err())
                .contains("--melodies must be at least 1 (got 0)");
        assertThat(CliRun.of("bench", "--melodies", "8").err()).contains("--melodies goes with --refine");
        CliRun both = CliRun.of("bench", "--refine", data.toString(), "--training", "tiny-test");
        assertThat(both.exitCode()).isNotZero();
        assertThat(both.err()).contains("give one of them").doesNotContain("\tat ");
    }

    /** A dataset of 2-bar windows from the first 30 Irish tunes, half of the files in the eval split. */
    private Path irishDataset() throws IOException {
        Path tunes = Files.createDirectories(dir.resolve("tunes"));
        try (Stream<Path> files = Files.walk(SharedData.require("data/cre-irish"))) {
            for (Path tune : files.filter(p -> p.toString().endsWith(".mid")).sorted().limit(30).toList()) {
                Files.copy(tune, tunes.resolve(tune.getFileName()));
            }
        }
        Path data = dir.resolve("tunes.windows");
        CliRun build = CliRun.of("dataset", "build", "--bars", "2", "--eval-fraction", "0.5",
                "--out", data.toString(), tunes.toString());
        assertThat(build.exitCode()).as(build.err()).isZero();
        return data;
    }
}
