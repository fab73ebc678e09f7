package org.melodypalette.model.checkpoint;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.melodypalette.model.config.ModelConfigJson;
import org.melodypalette.testing.Allocations;
import org.melodypalette.testing.BadInputCorpus;

/**
 * The committed bad checkpoints: weight folders ({@code src/test/resources/bad-checkpoints}) and
 * config files ({@code bad-configs}), each refused with exactly its expected message. Refusing a
 * weight folder allocates at most a few MB, whatever its manifest declares.
 */
class BadCheckpointCorpusTest {

    private static final long ALLOCATION_BUDGET = 4L << 20;

    static List<BadInputCorpus.Case> badWeightFolders() {
        return BadInputCorpus.load("bad-checkpoints");
    }

    static List<BadInputCorpus.Case> badConfigs() {
        return BadInputCorpus.load("bad-configs");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badWeightFolders")
    void weightsManifestGivesTheExpectedMessage(BadInputCorpus.Case bad) throws Exception {
        Allocations.assertAtMost(ALLOCATION_BUDGET + 16 * folderBytes(bad.path()), "refusing " + bad.name(), () ->
                assertThatThrownBy(() -> WeightsManifest.read(bad.path()))
                        .isInstanceOf(CheckpointException.class)
                        .hasMessage(bad.problem().replace("<dir>", bad.path().toString())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badConfigs")
    void configJsonGivesTheExpectedMessage(BadInputCorpus.Case bad) throws IOException {
        byte[] json = Files.readAllBytes(bad.path());

        assertThatThrownBy(() -> ModelConfigJson.fromJson(json))
                .isInstanceOf(IOException.class)
                .hasMessage(bad.problem());
    }

    private static long folderBytes(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            long total = 0;
            for (Path file : (Iterable<Path>) files::iterator) {
                total += Files.size(file);
            }
            return total;
        }
    }
}
