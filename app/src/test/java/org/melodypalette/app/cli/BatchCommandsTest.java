package org.melodypalette.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melodypalette.files.SpecialFiles;
import org.melodypalette.midi.MidiExport;
import org.melodypalette.midi.MidiFiles;
import org.melodypalette.music.Melody;
import org.melodypalette.music.Note;
import org.melodypalette.music.TimeGrid;
import org.melodypalette.testing.SharedData;

/**
 * Commands over many files report every bad file on its own line, still give the good files'
 * results, and exit 2 at the end; {@code train --resume} without a checkpoint says so; the
 * test-only presets are not offered.
 */
class BatchCommandsTest {

    private static final String NL = System.lineSeparator();

    @TempDir
    Path dir;

    @Test
    void tokenizeReportsEachBadFileAndPrintsTheGoodOnes() throws Exception {
        Path good1 = melody("good1.mid", 60);
        Path notMidi = Files.writeString(dir.resolve("notes.mid"), "not a MIDI file");
        Path good2 = melody("good2.mid", 64);
        Path missing = dir.resolve("missing.mid");
        Path fifo = SpecialFiles.fifo(dir.resolve("pipe.mid"));

        CliRun run = CliRun.of("tokenize", "--steps", "32", "--json", good1.toString(), notMidi.toString(),
                good2.toString(), missing.toString(), fifo.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).hasSize(3).satisfiesExactly(
                line -> assertThat(line).startsWith("palette tokenize: " + notMidi + ": "),
                line -> assertThat(line).isEqualTo("palette tokenize: cannot read " + missing + ": no such file"),
                line -> assertThat(line).isEqualTo("palette tokenize: cannot read " + fifo
                        + ": is not a regular file (a FIFO, socket or device); refusing to read it"));
        JsonNode out = Json.MAPPER.readTree(run.out());
        assertThat(out.get("labels")).hasSize(2);
        assertThat(out.get("labels").get(0).get(0).asInt()).isEqualTo(60 - 21 + 2);
        assertThat(out.get("labels").get(1).get(0).asInt()).isEqualTo(64 - 21 + 2);
        assertThat(out.get("files").get(1).asText()).isEqualTo(good2.toString());

        CliRun text = CliRun.of("tokenize", "--steps", "32", good1.toString(), notMidi.toString());
        assertThat(text.exitCode()).isEqualTo(2);
        assertThat(text.out()).startsWith("# " + good1 + NL);
        assertThat(text.err().lines()).hasSize(1);
    }

    @Test
    void encodeReportsEachBadFileAndEncodesTheGoodOnes() throws IOException {
        Path checkpoint = SharedData.require("magenta/checkpoints/mel_2bar_small_random");
        Path good = melody("good.mid", 62);
        Path bad1 = Files.write(dir.resolve("bad1.mid"), new byte[] {'M', 'T', 'h', 'd', 0, 0, 0, 6});
        Path bad2 = Files.writeString(dir.resolve("bad2.mid"), "");

        CliRun run = CliRun.of("encode", "--checkpoint", checkpoint.toString(), bad1.toString(), good.toString(),
                bad2.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).hasSize(2).allMatch(line -> line.startsWith("palette encode: "));
        assertThat(run.err()).contains(bad1.toString(), bad2.toString());
        JsonNode out = Json.MAPPER.readTree(run.out());
        assertThat(out.get("z")).hasSize(1);
        assertThat(out.get("z").get(0)).hasSize(256);
        assertThat(out.get("files")).hasSize(1);
    }

    @Test
    void resumeWithoutACheckpointSaysSoAndWritesNothing() throws IOException {
        Path data = TinyDataset.write(dir.resolve("windows.mpwin"), 3);
        Path out = dir.resolve("run");

        CliRun run = CliRun.of("train", "--resume", "--preset", "tiny-test", "--data", data.toString(), "--out",
                out.toString(), "--steps", "2");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("palette train: " + out + " holds no training checkpoint to resume; leave out "
                + "--resume to start a new run there" + NL);
        assertThat(out).doesNotExist();
    }

    @Test
    void anUnknownPresetListsOnlyPresetsThatFitBuiltDatasets() throws IOException {
        Path data = TinyDataset.write(dir.resolve("windows.mpwin"), 3);
        CliRun run = CliRun.of("train", "--preset", "nope", "--data", data.toString(), "--out",
                dir.resolve("run").toString(), "--steps", "2");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("presets: ").contains("mel_2bar_cpu").doesNotContain("tiny-test");
    }

    private Path melody(String name, int pitch) throws IOException {
        Path file = dir.resolve(name);
        MidiFiles.write(file, Melody.of(TimeGrid.SIXTEENTHS_4_4, 32, List.of(Note.of(pitch, 0, 8),
                Note.of(pitch + 2, 8, 32))), MidiExport.DEFAULT);
        return file;
    }
}
