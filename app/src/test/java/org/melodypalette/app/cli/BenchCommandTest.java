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

/** {@code palette bench}'s training-throughput and dataset-build modes (inference is timed by the bench scripts). */
class BenchCommandTest {

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
}
