package org.melodypalette.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melodypalette.midi.MidiExport;
import org.melodypalette.midi.MidiFiles;
import org.melodypalette.music.Melody;
import org.melodypalette.music.Note;
import org.melodypalette.music.TimeGrid;
import org.melodypalette.testing.SharedData;

class TokenizeCommandTest {

    @TempDir
    Path dir;

    @Test
    void printsMagentaJsLabelsForTheGoldenMelodiesWrittenAsMidi() throws IOException {
        JsonNode golden = Json.MAPPER.readTree(
                SharedData.require("magenta/golden/mel_2bar_small_random.encode.json").toFile());
        List<String> args = new ArrayList<>(List.of("tokenize", "--steps", "32", "--json"));
        for (JsonNode melody : golden.get("melodies")) {
            List<Note> notes = new ArrayList<>();
            for (JsonNode n : melody.get("notes")) {
                notes.add(Note.of(n.get(0).asInt(), n.get(1).asInt(), n.get(2).asInt()));
            }
            Path file = dir.resolve(melody.get("name").asText() + ".mid");
            MidiFiles.write(file, Melody.of(TimeGrid.SIXTEENTHS_4_4, 32, notes), MidiExport.DEFAULT);
            args.add(file.toString());
        }

        CliRun run = CliRun.of(args.toArray(String[]::new));

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode labels = Json.MAPPER.readTree(run.out()).get("labels");
        for (int i = 0; i < golden.get("melodies").size(); i++) {
            assertThat(labels.get(i)).as(golden.get("melodies").get(i).get("name").asText())
                    .isEqualTo(golden.get("melodies").get(i).get("input_labels"));
        }
    }

    @Test
    void aBadFileIsOneClearLineAndExitCode2() throws IOException {
        Path bad = dir.resolve("not-midi.mid");
        Files.writeString(bad, "hello");

        CliRun run = CliRun.of("tokenize", "--steps", "32", bad.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("palette tokenize: ").contains("not-midi.mid").doesNotContain("Exception");
        assertThat(run.err().lines()).hasSize(1);
    }

    @Test
    void whenNoFileCanBeReadJsonPrintsNothingRatherThanAnEmptyReport() throws IOException {
        Path bad = dir.resolve("not-midi.mid");
        Files.writeString(bad, "hello");

        CliRun run = CliRun.of("tokenize", "--steps", "32", "--json", bad.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("palette tokenize: ").contains("not-midi.mid");
    }
}
