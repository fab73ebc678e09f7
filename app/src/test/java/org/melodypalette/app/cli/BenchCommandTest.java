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
    void refinesEvalWindowsOneAtATimeAndCountsWhatComesBack() throws IOException {
        Path data = irishDataset();
        Path json = dir.resolve("refine.json");

        CliRun run = CliRun.of("bench", "--checkpoint", CHECKPOINTS.resolve("mel_2bar").toString(), "--refine",
                data.toString(), "--melodies", "8", "--json", json.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("8 eval windows of " + data).contains("ms per melody: median");
        JsonNode refinement = Json.MAPPER.readTree(json.toFile()).get("refinement");
        assertThat(refinement.get("melodies").asInt()).isEqualTo(8);
        assertThat(refinement.get("bars").asInt()).isEqualTo(16);
        int exact = refinement.get("exact").asInt();
        // The bundled model gives back nearly every eval window after refinement (its model card);
        // a bar of a window given back is given back too.
        assertThat(exact).isGreaterThanOrEqualTo(6);
        assertThat(refinement.get("bars_exact").asInt()).isBetween(2 * exact, 16);
        assertThat(run.out()).contains("given back exactly: " + exact + " of 8 melodies");
        JsonNode ms = refinement.get("ms_per_melody");
        assertThat(ms.get("runs").asInt()).isEqualTo(8);
        assertThat(ms.get("min_ms").asDouble()).isPositive().isLessThanOrEqualTo(ms.get("median_ms").asDouble());
        assertThat(refinement.get("steps_per_melody").get("max").asInt())
                .isGreaterThanOrEqualTo(refinement.get("steps_per_melody").get("median").asInt());
    }

    @Test
    void aDatasetOfAnotherLengthIsOneMessageNamingItAndTheBarsToBuild() throws IOException {
        Path data = irishDataset();

        CliRun run = CliRun.of("bench", "--checkpoint", CHECKPOINTS.resolve("mel_16bar").toString(), "--refine",
                data.toString());

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains(data + ": windows have 32 steps but the model needs 256")
                .contains("--bars 16").doesNotContain("\tat ");
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
