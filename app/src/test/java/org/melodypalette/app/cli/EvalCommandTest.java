package org.melodypalette.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melodypalette.datasets.DatasetInfo;
import org.melodypalette.datasets.LabelWindows;
import org.melodypalette.datasets.WindowDataset;
import org.melodypalette.datasets.WindowDatasetFile;
import org.melodypalette.testing.SharedData;

/** {@code palette eval} on magenta.js's random-weight mel_2bar_small and a dataset of C-major scale runs. */
class EvalCommandTest {

    private static final int[] C_MAJOR = {60, 62, 64, 65, 67, 69, 71, 72, 74, 76, 77, 79, 81, 83, 84};

    @TempDir
    static Path dir;

    static Path checkpoint;
    static Path data;

    @BeforeAll
    static void writeDataset() throws IOException {
        checkpoint = SharedData.require("magenta/checkpoints/mel_2bar_small_random");
        data = dir.resolve("scales.mpwin");
        WindowDatasetFile.write(data, new WindowDataset(new DatasetInfo(2, 16, List.of("scales"), Map.of(), Map.of()),
                scaleRuns(2, 0), scaleRuns(6, 1)));
    }

    /** Window i: eight quarter notes up the C major scale from degree i + offset (label = pitch − 19). */
    private static LabelWindows scaleRuns(int count, int offset) {
        List<int[]> windows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int[] labels = new int[32];
            for (int n = 0; n < 8; n++) {
                labels[4 * n] = C_MAJOR[(i + offset + n) % C_MAJOR.length] - 19;
            }
            windows.add(labels);
        }
        return LabelWindows.of(32, windows);
    }

    @Test
    void fidelityAddsExactnessAndPathFiguresToTheSummaryAndTheJson() throws IOException {
        Path json = dir.resolve("fidelity.json");

        CliRun run = CliRun.of("eval", "--checkpoint", checkpoint.toString(), "--data", data.toString(),
                "--pairs", "0", "--samples", "0", "--fidelity", "--fidelity-pairs", "3", "--refine-windows",
                "--refine-steps", "4", "--json", json.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Fidelity: 6 windows").contains("from the posterior mean: exact")
                .contains("refined, 6 windows (≤ 4 steps").contains("SLERP paths between refined codes (3 pairs, 21 points)");
        JsonNode fidelity = Json.MAPPER.readTree(json.toFile()).get("fidelity");
        assertThat(fidelity.get("windows").asInt()).isEqualTo(6);
        JsonNode mean = fidelity.get("mean");
        assertThat(mean.get("exact").asDouble()).isLessThanOrEqualTo(mean.get("withinOne").asDouble());
        assertThat(mean.get("withinOne").asDouble()).isLessThanOrEqualTo(mean.get("withinTwo").asDouble());
        assertThat(mean.has("steps")).isFalse();
        JsonNode refined = fidelity.get("refined");
        assertThat(refined.get("steps").get("max").asDouble()).isBetween(0.0, 4.0);
        assertThat(refined.get("refine").get("maxSteps").asInt()).isEqualTo(4);
        for (String paths : List.of("meanPaths", "refinedPaths", "refinedEvenPaths")) {
            JsonNode p = fidelity.get(paths);
            assertThat(p.get("pairs").asInt()).as(paths).isEqualTo(3);
            assertThat(p.get("points").asInt()).as(paths).isEqualTo(21);
            assertThat(p.get("meanDistinct").asDouble()).as(paths).isBetween(1.0, 21.0);
            assertThat(p.get("meanLargestChange").asDouble()).as(paths)
                    .isLessThanOrEqualTo(p.get("worstLargestChange").asDouble());
            assertThat(p.get("endsEqual").asDouble()).as(paths).isBetween(0.0, 1.0);
        }
    }

    @Test
    void jsonKeepsTheReconstructionKeysAndAddsInterpolationAndRealism() throws IOException {
        CliRun run = CliRun.of("eval", "--checkpoint", checkpoint.toString(), "--data", data.toString(),
                "--pairs", "3", "--samples", "12", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = Json.MAPPER.readTree(run.out());
        assertThat(report.get("windows").asInt()).isEqualTo(6);
        for (String key : List.of("teacherForcedAccuracy", "sampledAccuracy", "reconstruction", "kl", "elbo")) {
            assertThat(report.get(key).isNumber()).as(key).isTrue();
        }
        JsonNode interpolation = report.get("interpolation");
        assertThat(interpolation.get("pairs").asInt()).isEqualTo(3);
        assertThat(interpolation.get("latentPath").asText()).isEqualTo("SLERP");
        assertThat(interpolation.get("latent").get("hammingToA")).hasSize(11);
        assertThat(interpolation.get("data").get("hammingToA").get(0).asDouble()).isZero();
        // every note of these scale runs is in C major, and so is every note of a mix of two of them
        assertThat(interpolation.get("endpointsInKey").asDouble()).isEqualTo(1.0);
        assertThat(interpolation.get("data").get("inKey").asDouble()).isEqualTo(1.0);
        JsonNode realism = report.get("sampleRealism");
        assertThat(realism.get("samples").asInt()).isEqualTo(12);
        assertThat(realism.get("noteDensity").get("dataMean").asDouble()).isEqualTo(4.0);
        assertThat(realism.get("interval").get("bins")).hasSize(27);
        assertThat(realism.get("pitchClass").has("dataMean")).isFalse();
    }

    @Test
    void withAFileTheJsonGoesThereTheSummaryToTheTerminalAndThePlotIsAPng() throws IOException {
        Path json = dir.resolve("report.json");
        Path png = dir.resolve("plots/eval.png");

        CliRun run = CliRun.of("eval", "--checkpoint", checkpoint.toString(), "--data", data.toString(),
                "--pairs", "2", "--points", "5", "--interpolation", "LERP", "--samples", "8", "--temperature", "0.5",
                "--json", json.toString(), "--plot", png.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Reconstruction: teacher-forced accuracy", "Interpolation: 2 pairs, 5 points",
                "latent = LERP", "Sample realism: 8 prior samples (temperature 0.50) vs 6 data windows", "keyPitchClass",
                "JSON report: " + json, "plot: " + png);
        JsonNode report = Json.MAPPER.readTree(json.toFile());
        assertThat(report.get("interpolation").get("latent").get("hammingToA")).hasSize(5);
        assertThat(report.get("sampleRealism").get("temperature").asDouble()).isEqualTo(0.5);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1500);
        assertThat(Files.list(png.getParent()).toList()).containsExactly(png);
    }

    @Test
    void badOptionsAreOneClearMessage() {
        CliRun run = CliRun.of("eval", "--checkpoint", checkpoint.toString(), "--data", data.toString(),
                "--points", "2");

        assertThat(run.exitCode()).isEqualTo(UserErrorHandler.USER_ERROR);
        assertThat(run.err()).contains("palette eval: points 2 is outside 3..256");
    }
}
