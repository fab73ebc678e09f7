package org.melodypalette.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melodypalette.datasets.WindowDataset;
import org.melodypalette.datasets.WindowDatasetFile;
import org.melodypalette.testing.SharedData;

class DatasetCommandTest {

    @TempDir
    Path dir;

    @Test
    void buildsTheIrishCorpusWithTheExpectedYield() throws IOException {
        Path irish = SharedData.require("data/cre-irish");
        Path out = dir.resolve("irish2.bin");

        CliRun run = CliRun.of("dataset", "build", "--bars", "2", "--out", out.toString(), "--json", irish.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode summary = Json.MAPPER.readTree(run.out());
        assertThat(summary.get("files").asInt()).isEqualTo(1195);
        // The shared README measured about 18.9k two-bar windows for this corpus.
        int cut = summary.get("windowsBeforeDedup").get("train").asInt()
                + summary.get("windowsBeforeDedup").get("eval").asInt();
        assertThat(cut).isBetween(18_000, 19_800);
        assertThat(summary.get("skipped").get("non-duple metre").asInt()).isGreaterThan(300);
        WindowDataset dataset = WindowDatasetFile.read(out);
        assertThat(dataset.train().count()).isEqualTo(summary.get("windows").get("train").asInt());
        assertThat(Json.MAPPER.readTree(dir.resolve("irish2.bin.json").toFile())).isEqualTo(summary);
    }
}
