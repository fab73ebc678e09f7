package org.melodypalette.datasets;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.melodypalette.testing.BadInputCorpus;

/**
 * The committed bad dataset files ({@code src/test/resources/bad-datasets}) and POP909 indexes
 * ({@code bad-pop909-index}): each is refused with exactly its expected problem, naming the file.
 */
class BadDatasetCorpusTest {

    static List<BadInputCorpus.Case> badDatasetFiles() {
        return BadInputCorpus.load("bad-datasets");
    }

    static List<BadInputCorpus.Case> badPop909Roots() {
        return BadInputCorpus.load("bad-pop909-index");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badDatasetFiles")
    void windowDatasetFileGivesTheExpectedProblem(BadInputCorpus.Case bad) {
        assertThatThrownBy(() -> WindowDatasetFile.read(bad.path()))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessage(bad.path() + ": " + bad.problem());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPop909Roots")
    void pop909IndexGivesTheExpectedProblem(BadInputCorpus.Case bad) {
        assertThatThrownBy(() -> Pop909Index.read(bad.path()))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessage(bad.path().resolve(Pop909Index.FILE_NAME) + ": " + bad.problem());
    }
}
