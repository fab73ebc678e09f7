package org.melodypalette.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melodypalette.datasets.DatasetInfo;
import org.melodypalette.datasets.LabelWindows;
import org.melodypalette.datasets.WindowDataset;
import org.melodypalette.datasets.WindowDatasetFile;
import org.melodypalette.model.api.LatentCodec;
import org.melodypalette.model.service.MelodyGenerators;
import org.melodypalette.testing.SharedData;

/** palette attributes on a copy of magenta.js's random-weight mel_2bar_small. */
class AttributesCommandTest {

    @TempDir
    Path dir;

    Path checkpoint;
    Path data;

    @BeforeEach
    void copyCheckpointAndWriteDataset() throws IOException {
        checkpoint = SharedData.copyTo("magenta/checkpoints/mel_2bar_small_random", dir.resolve("model"));
        // 12 two-bar windows: window i has i + 1 quarter-note onsets rising from pitch 50 + i.
        List<int[]> rows = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            int[] row = new int[32];
            for (int k = 0; k <= i && 4 * k < 32; k++) {
                row[4 * k] = 31 + i + k;
            }
            rows.add(row);
        }
        data = dir.resolve("windows.mpwin");
        WindowDatasetFile.write(data, new WindowDataset(new DatasetInfo(2, 16, List.of("fixture"), Map.of(), Map.of()),
                LabelWindows.of(32, rows), LabelWindows.of(32, List.of())));
    }

    @Test
    void writesAttributesTheModelThenOffers() throws IOException {
        CliRun run = CliRun.of("attributes", "--checkpoint", checkpoint.toString(), "--data", data.toString(), "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = Json.MAPPER.readTree(run.out());
        assertThat(report.get("windows").asInt()).isEqualTo(12);
        assertThat(report.get("attributes").get(0).get("name").asText()).isEqualTo("note_density");
        assertThat(report.get("attributes").get(0).get("quartile").asInt()).isEqualTo(3);
        try (LatentCodec codec = MelodyGenerators.open(checkpoint)) {
            assertThat(codec.info().attributes())
                    .containsExactly("note_density", "pitch_height", "pitch_range", "syncopation", "rest_share");
        }
    }

    @Test
    void printsATableWithASeededSubset() {
        CliRun run = CliRun.of("attributes", "--checkpoint", checkpoint.toString(), "--data", data.toString(),
                "--windows", "8", "--seed", "1");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().findFirst().orElseThrow())
                .isEqualTo("wrote " + checkpoint.resolve("attributes.json") + " from 8 train windows");
        assertThat(run.out().lines()).hasSize(7);
        assertThat(run.out()).contains("rest_share");
    }

    @Test
    void tooFewWindowsIsOneClearLine() {
        CliRun run = CliRun.of("attributes", "--checkpoint", checkpoint.toString(), "--data", data.toString(),
                "--windows", "3");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("palette attributes: --windows 3 must be at least 4 (one per quartile)");
        assertThat(checkpoint.resolve("attributes.json")).doesNotExist();
    }
}
