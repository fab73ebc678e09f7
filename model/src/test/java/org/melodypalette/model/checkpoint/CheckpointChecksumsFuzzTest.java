package org.melodypalette.model.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.melodypalette.model.config.ModelConfig;
import org.melodypalette.model.config.ModelPresets;
import org.melodypalette.testing.Allocations;

/**
 * Verifying a real checkpoint folder ({@code tiny-test}, written once) whose
 * {@code checksums.sha256} is any bytes: {@link CheckpointChecksums#verify} either accepts (every
 * listed file exists in the folder and matches) or throws one {@link CheckpointException} naming
 * the list or a file in the folder, within a small allocation budget. Committed inputs in
 * {@code CheckpointChecksumsFuzzTestInputs/} run under {@code ./mvnw verify}; {@code JAZZER_FUZZ=1}
 * fuzzes (docs/RELIABILITY.md).
 */
class CheckpointChecksumsFuzzTest {

    private static final ModelConfig CONFIG = ModelPresets.byName("tiny-test");
    private static final long ALLOCATION_ALLOWANCE = 4L << 20;
    private static final long ALLOCATION_PER_INPUT_BYTE = 16;
    private static final Path DIR = writeFolder();

    @FuzzTest(maxDuration = "10m")
    void verifyAnyChecksumList(byte[] data) throws Exception {
        Files.write(DIR.resolve(CheckpointChecksums.FILE_NAME), data);
        Allocations.assertAtMost(ALLOCATION_ALLOWANCE + ALLOCATION_PER_INPUT_BYTE * data.length,
                "verifying a " + data.length + "-byte list", CheckpointChecksumsFuzzTest::verify);
    }

    private static void verify() {
        try {
            CheckpointChecksums.verify(DIR);
            for (String name : CheckpointChecksums.read(DIR.resolve(CheckpointChecksums.FILE_NAME)).keySet()) {
                assertThat(DIR.resolve(name)).isRegularFile();
                assertThat(DIR.resolve(name).getParent()).isEqualTo(DIR);
            }
        } catch (CheckpointException e) {
            assertThat(e.getMessage()).startsWith(DIR.toString()).doesNotContain("\n");
        }
    }

    private static Path writeFolder() {
        try {
            Path dir = Files.createTempDirectory("checksum-fuzz");
            CheckpointFolder.write(dir, CONFIG, RandomWeights.of(CONFIG, 5));
            for (String name : new String[] {"config.json", "weights_manifest.json", "group1-shard1of1",
                    CheckpointChecksums.FILE_NAME}) {
                dir.resolve(name).toFile().deleteOnExit();
            }
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
