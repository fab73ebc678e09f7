package org.melodypalette.midi;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.melodypalette.testing.BadInputCorpus;

/**
 * The committed bad-MIDI corpus ({@code src/test/resources/bad-midi}): each file is refused with
 * exactly its expected problem, naming the file. Large bad inputs are in {@link LargeMidiInputTest}.
 */
class BadMidiCorpusTest {

    static List<BadInputCorpus.Case> badFiles() {
        return BadInputCorpus.load("bad-midi");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void readingThePathGivesTheExpectedProblem(BadInputCorpus.Case bad) {
        assertThatThrownBy(() -> MidiFiles.read(bad.path()))
                .isInstanceOf(MidiFormatException.class)
                .hasMessage(bad.path() + ": " + bad.problem());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void readingTheBytesGivesTheSameProblem(BadInputCorpus.Case bad) throws IOException {
        byte[] bytes = Files.readAllBytes(bad.path());

        assertThatThrownBy(() -> MidiFiles.read(bytes, bad.name()))
                .isInstanceOf(MidiFormatException.class)
                .hasMessage(bad.name() + ": " + bad.problem());
    }
}
