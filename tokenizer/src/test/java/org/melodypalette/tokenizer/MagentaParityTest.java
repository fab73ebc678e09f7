package org.melodypalette.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.melodypalette.music.Melody;
import org.melodypalette.music.Note;
import org.melodypalette.music.TimeGrid;
import org.melodypalette.testing.SharedData;

/**
 * Parity with magenta.js 1.23.1: the labels its {@code MelodyConverter} computed for the golden
 * melodies ({@code *.encode.json}: {@code notes} as [pitch, start, end] steps → {@code input_labels}),
 * and the notes its {@code toNoteSequence} made of the model's argmax labels ({@code *.decode*.json}:
 * {@code output_labels} → {@code notes}).
 */
class MagentaParityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final MelodyTokenizer tokenizer = MelodyTokenizer.magenta();

    @TestFactory
    Stream<DynamicTest> encodeReproducesMagentaInputLabels() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : goldenFiles(".encode.json")) {
            JsonNode golden = JSON.readTree(file.toFile());
            int numSteps = golden.path("info").path("numSteps").asInt();
            for (JsonNode melody : golden.path("melodies")) {
                tests.add(DynamicTest.dynamicTest(file.getFileName() + " " + melody.path("name").asText(), () -> {
                    List<Note> notes = notes(melody.path("notes"));
                    int[] expected = ints(melody.path("input_labels"));

                    assertThat(expected).hasSize(numSteps);
                    assertThat(tokenizer.encodeNotes(notes, numSteps)).containsExactly(expected);
                    assertThat(tokenizer.encode(Melody.of(TimeGrid.SIXTEENTHS_4_4, numSteps, notes), numSteps))
                            .containsExactly(expected);
                }));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> decodeReproducesMagentaNotes() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : goldenFiles(".json")) {
            if (!file.getFileName().toString().contains(".decode")) {
                continue;
            }
            JsonNode golden = JSON.readTree(file.toFile());
            int numSteps = golden.path("info").path("numSteps").asInt();
            JsonNode cases = golden.has("melodies") ? golden.path("melodies") : golden.path("cases");
            for (JsonNode decoded : cases) {
                tests.add(DynamicTest.dynamicTest(file.getFileName() + " " + decoded.path("name").asText(), () -> {
                    int[] labels = ints(decoded.path("output_labels"));

                    Melody melody = tokenizer.decode(labels, TimeGrid.SIXTEENTHS_4_4);

                    assertThat(labels).hasSize(numSteps);
                    assertThat(melody.lengthSteps()).isEqualTo(numSteps);
                    assertThat(melody.notes()).containsExactlyElementsOf(notes(decoded.path("notes")));
                }));
            }
        }
        return tests.stream();
    }

    /** Guards the factories above against passing vacuously on a changed golden layout. */
    @Test
    void goldenFilesHoldTheExpectedCases() throws IOException {
        int encoded = 0;
        for (Path file : goldenFiles(".encode.json")) {
            encoded += JSON.readTree(file.toFile()).path("melodies").size();
        }
        int decoded = 0;
        for (Path file : goldenFiles(".decode.json")) {
            decoded += JSON.readTree(file.toFile()).path("melodies").size();
        }
        assertThat(encoded).isEqualTo(18);
        assertThat(decoded).isEqualTo(18);
    }

    private static List<Path> goldenFiles(String suffix) throws IOException {
        Path dir = SharedData.require("magenta/golden");
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    /** [[pitch, start, end], ...] → notes with the default velocity (magenta.js notes carry none). */
    private static List<Note> notes(JsonNode triples) {
        List<Note> notes = new ArrayList<>();
        for (JsonNode triple : triples) {
            notes.add(Note.of(triple.get(0).asInt(), triple.get(1).asInt(), triple.get(2).asInt()));
        }
        return notes;
    }

    private static int[] ints(JsonNode array) {
        int[] values = new int[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asInt();
        }
        return values;
    }
}
