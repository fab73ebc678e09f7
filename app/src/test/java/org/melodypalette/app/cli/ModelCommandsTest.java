package org.melodypalette.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melodypalette.midi.MidiExport;
import org.melodypalette.midi.MidiFiles;
import org.melodypalette.midi.MidiSong;
import org.melodypalette.music.Melody;
import org.melodypalette.music.Note;
import org.melodypalette.music.TimeGrid;
import org.melodypalette.testing.SharedData;

/** encode / decode / sample / interpolate on magenta.js's random-weight mel_2bar_small and its goldens. */
class ModelCommandsTest {

    @TempDir
    static Path dir;

    static Path checkpoint;
    static JsonNode encodeGolden;
    static JsonNode decodeGolden;
    static List<String> midiFiles = new ArrayList<>();

    @BeforeAll
    static void writeGoldenMelodiesAsMidi() throws IOException {
        checkpoint = SharedData.require("magenta/checkpoints/mel_2bar_small_random");
        encodeGolden = Json.MAPPER.readTree(SharedData.require("magenta/golden/mel_2bar_small_random.encode.json").toFile());
        decodeGolden = Json.MAPPER.readTree(SharedData.require("magenta/golden/mel_2bar_small_random.decode.json").toFile());
        for (JsonNode melody : encodeGolden.get("melodies")) {
            List<Note> notes = new ArrayList<>();
            for (JsonNode n : melody.get("notes")) {
                notes.add(Note.of(n.get(0).asInt(), n.get(1).asInt(), n.get(2).asInt()));
            }
            Path file = dir.resolve(melody.get("name").asText() + ".mid");
            MidiFiles.write(file, Melody.of(TimeGrid.SIXTEENTHS_4_4, 32, notes), MidiExport.DEFAULT);
            midiFiles.add(file.toString());
        }
    }

    @Test
    void encodePrintsMagentaJsLatentMeans() throws IOException {
        List<String> args = new ArrayList<>(List.of("encode", "--checkpoint", checkpoint.toString()));
        args.addAll(midiFiles);

        CliRun run = CliRun.of(args.toArray(String[]::new));

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode z = Json.MAPPER.readTree(run.out()).get("z");
        for (int m = 0; m < midiFiles.size(); m++) {
            JsonNode expected = encodeGolden.get("melodies").get(m).get("z");
            for (int d = 0; d < expected.size(); d++) {
                assertThat(z.get(m).get(d).asDouble()).isCloseTo(expected.get(d).asDouble(), within(1e-4));
            }
        }
    }

    @Test
    void decodeOfGoldenLatentsGivesMagentaJsLabels() throws IOException {
        Path zFile = dir.resolve("z.json");
        List<JsonNode> zs = new ArrayList<>();
        decodeGolden.get("melodies").forEach(m -> zs.add(m.get("z")));
        Files.writeString(zFile, Json.write(java.util.Map.of("z", zs)));

        CliRun run = CliRun.of("decode", "--checkpoint", checkpoint.toString(), "--z", zFile.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode melodies = Json.MAPPER.readTree(run.out()).get("melodies");
        for (int m = 0; m < zs.size(); m++) {
            assertThat(melodies.get(m).get("labels")).isEqualTo(decodeGolden.get("melodies").get(m).get("output_labels"));
        }
    }

    @Test
    void sampleWritesReadableMidiFiles() throws IOException {
        Path out = dir.resolve("samples");

        CliRun run = CliRun.of("sample", "--checkpoint", checkpoint.toString(), "--n", "3", "--seed", "7",
                "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines()).hasSize(3);
        MidiSong song = MidiFiles.read(out.resolve("sample_01.mid"));
        assertThat(song.firstTempo().qpm()).isEqualTo(120.0);
        assertThat(song.noteCount()).isPositive();
    }

    @Test
    void interpolateEndpointsAreTheReconstructions() throws IOException {
        Path out = dir.resolve("interp");

        CliRun run = CliRun.of("interpolate", "--checkpoint", checkpoint.toString(), "--steps", "5", "--mode", "LERP",
                "--no-refine", "--out", out.toString(), midiFiles.get(0), midiFiles.get(1));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.list(out)).hasSize(5);
        // Golden decode of melody 0's z is its reconstruction; the path's first point must match it.
        int notesOfFirst = MidiFiles.read(out.resolve("interp_01.mid")).noteCount();
        assertThat(notesOfFirst).isEqualTo(decodeGolden.get("melodies").get(0).get("notes").size());
    }

    @Test
    void aFolderThatIsNotACheckpointIsOneClearLine() {
        CliRun run = CliRun.of("sample", "--checkpoint", dir.toString(), "--out", dir.resolve("x").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("palette sample: " + dir + ": not a checkpoint folder: config.json is missing");
    }
}
