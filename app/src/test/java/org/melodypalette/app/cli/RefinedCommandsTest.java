package org.melodypalette.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melodypalette.midi.MidiExport;
import org.melodypalette.midi.MidiFiles;
import org.melodypalette.model.api.LatentCodec;
import org.melodypalette.model.service.MelodyGenerators;

/**
 * reconstruct and interpolate with refined codes on the bundled 2-bar model: two folk melodies its
 * posterior means get wrong come back exactly, and an interpolation starts on A and ends on B.
 * The refinement budget is generous so that the outcome does not depend on the machine's speed.
 */
class RefinedCommandsTest {

    /** Surefire runs in the module folder; the checkpoints sit at the repository root. */
    private static final Path CHECKPOINT = Path.of("..", "checkpoints", "mel_2bar").toAbsolutePath().normalize();
    private static final String BUDGET = "600000";

    /** The first two bars of "A Trip to Galway" and "Achonry Lasses" (cre-irish), as 'palette tokenize' reads them. */
    private static final int[][] LABELS = {
            {55, 0, 52, 0, 48, 0, 45, 0, 45, 0, 48, 0, 45, 0, 45, 0, 48, 0, 52, 0, 55, 0, 54, 0, 55, 0, 50, 0, 47, 0,
                    43, 0},
            {43, 45, 0, 47, 48, 0, 0, 0, 48, 0, 52, 0, 50, 0, 47, 0, 47, 0, 0, 0, 55, 0, 52, 0, 53, 0, 50, 0, 52, 0,
                    48, 0}};

    @TempDir
    static Path dir;

    static List<String> files = new ArrayList<>();

    @BeforeAll
    static void writeTheMelodies() throws IOException {
        try (LatentCodec codec = MelodyGenerators.open(CHECKPOINT)) {
            for (int i = 0; i < LABELS.length; i++) {
                Path file = dir.resolve("melody" + i + ".mid");
                MidiFiles.write(file, codec.melody(LABELS[i]), MidiExport.DEFAULT);
                files.add(file.toString());
            }
        }
    }

    @Test
    void reconstructGivesEachMelodyBackWithItsFields() throws IOException {
        CliRun refined = CliRun.of("reconstruct", "--checkpoint", CHECKPOINT.toString(), "--json",
                "--refine-budget-ms", BUDGET, files.get(0), files.get(1));
        CliRun plain = CliRun.of("reconstruct", "--checkpoint", CHECKPOINT.toString(), "--json", "--no-refine",
                files.get(0), files.get(1));

        assertThat(refined.exitCode()).as(refined.err()).isZero();
        JsonNode melodies = Json.MAPPER.readTree(refined.out()).get("melodies");
        assertThat(melodies).hasSize(2);
        for (int i = 0; i < 2; i++) {
            JsonNode m = melodies.get(i);
            assertThat(m.get("file").asText()).isEqualTo(files.get(i));
            assertThat(labels(m.get("labels"))).containsExactly(LABELS[i]);
            assertThat(m.get("notes")).isNotEmpty();
            assertThat(m.get("notes").get(0).has("pitch")).isTrue();
            assertThat(m.get("exact").asBoolean()).isTrue();
            assertThat(m.get("ms").asDouble()).isPositive();
        }
        assertThat(plain.exitCode()).as(plain.err()).isZero();
        JsonNode fromMeans = Json.MAPPER.readTree(plain.out()).get("melodies");
        for (int i = 0; i < 2; i++) {
            assertThat(fromMeans.get(i).get("exact").asBoolean()).isFalse();
            assertThat(labels(fromMeans.get(i).get("labels"))).isNotEqualTo(LABELS[i]);
        }
    }

    @Test
    void interpolateStartsOnAAndEndsOnB() throws IOException {
        Path out = dir.resolve("interp");

        CliRun run = CliRun.of("interpolate", "--checkpoint", CHECKPOINT.toString(), "--steps", "5",
                "--refine-budget-ms", BUDGET, "--out", out.toString(), files.get(0), files.get(1));

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<Path> written;
        try (Stream<Path> list = Files.list(out)) {
            written = list.sorted().toList();
        }
        assertThat(written).hasSize(5);
        assertThat(tokenized(written.get(0))).containsExactly(LABELS[0]);
        assertThat(tokenized(written.get(4))).containsExactly(LABELS[1]);
        assertThat(tokenized(written.get(2))).isNotEqualTo(LABELS[0]).isNotEqualTo(LABELS[1]);
        assertThat(run.err()).as("both ends are given back").doesNotContain("not given back");
    }

    @Test
    void evenSpacingNeverChangesMoreBetweenNeighboursThanUniformSpacing() throws IOException {
        double[] largest = new double[2];
        String[] spacings = {"EVEN", "UNIFORM"};
        for (int s = 0; s < 2; s++) {
            Path out = dir.resolve("spacing-" + spacings[s]);
            CliRun run = CliRun.of("interpolate", "--checkpoint", CHECKPOINT.toString(), "--steps", "7",
                    "--spacing", spacings[s], "--refine-budget-ms", BUDGET, "--out", out.toString(), files.get(0),
                    files.get(1));
            assertThat(run.exitCode()).as(run.err()).isZero();
            List<Path> written;
            try (Stream<Path> list = Files.list(out)) {
                written = list.sorted().toList();
            }
            assertThat(written).hasSize(7);
            int[] previous = tokenized(written.get(0));
            assertThat(previous).containsExactly(LABELS[0]);
            for (Path file : written.subList(1, 7)) {
                int[] labels = tokenized(file);
                int changed = 0;
                for (int t = 0; t < labels.length; t++) {
                    changed += labels[t] == previous[t] ? 0 : 1;
                }
                largest[s] = Math.max(largest[s], changed / (double) labels.length);
                previous = labels;
            }
            assertThat(previous).containsExactly(LABELS[1]);
        }
        // The even points are chosen among fine points that include the uniform ones.
        assertThat(largest[0]).isPositive().isLessThanOrEqualTo(largest[1]);
    }

    private static int[] tokenized(Path midi) throws IOException {
        CliRun run = CliRun.of("tokenize", "--json", "--steps", "32", midi.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        return labels(Json.MAPPER.readTree(run.out()).get("labels").get(0));
    }

    private static int[] labels(JsonNode array) {
        int[] labels = new int[array.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = array.get(i).asInt();
        }
        return labels;
    }
}
