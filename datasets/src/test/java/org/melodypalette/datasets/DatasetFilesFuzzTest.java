package org.melodypalette.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.melodypalette.testing.Allocations;

/**
 * The dataset files training and the dataset builder read, with any bytes: a window dataset file
 * ({@link WindowDatasetFile#read}) and POP909's {@code index.csv} ({@link Pop909Index#read}). Each
 * either reads or fails with one {@link DatasetFormatException} naming the file, and reading a
 * window dataset never allocates much more than the file's size (declared counts are checked
 * against the file before anything is allocated).
 *
 * <p>Under {@code ./mvnw verify} the committed inputs in {@code DatasetFilesFuzzTestInputs/} run;
 * {@code JAZZER_FUZZ=1} fuzzes (see docs/RELIABILITY.md).
 */
class DatasetFilesFuzzTest {

    /** Allowance for parser buffers and objects on top of {@link #ALLOCATION_PER_FILE_BYTE} per byte. */
    private static final long ALLOCATION_ALLOWANCE = 4L << 20;
    private static final long ALLOCATION_PER_FILE_BYTE = 32;

    private static final Path DIR = createScratchDir();
    private static final Path DATASET = DIR.resolve("windows.bin");
    private static final Path INDEX = DIR.resolve(Pop909Index.FILE_NAME);

    @FuzzTest(maxDuration = "10m")
    void readAnyWindowDatasetFile(byte[] data) throws Exception {
        Files.write(DATASET, data);
        Allocations.assertAtMost(ALLOCATION_ALLOWANCE + ALLOCATION_PER_FILE_BYTE * data.length,
                "reading a " + data.length + "-byte file", () -> readWindowDataset(data.length));
    }

    private static void readWindowDataset(long fileBytes) throws IOException {
        try {
            WindowDataset dataset = WindowDatasetFile.read(DATASET);
            assertThat((long) dataset.numSteps() * (dataset.train().count() + dataset.eval().count()))
                    .isLessThan(fileBytes);
        } catch (DatasetFormatException e) {
            assertThat(e.getMessage()).startsWith(DATASET + ": ");
        }
    }

    @FuzzTest(maxDuration = "10m")
    void readAnyPop909Index(byte[] data) throws IOException {
        Files.write(INDEX, data);
        try {
            Pop909Index index = Pop909Index.read(DIR);
            assertThat(index.root()).isEqualTo(DIR);
        } catch (DatasetFormatException e) {
            assertThat(e.getMessage()).startsWith(INDEX + ": ");
        }
    }

    private static Path createScratchDir() {
        try {
            Path dir = Files.createTempDirectory("dataset-fuzz");
            dir.toFile().deleteOnExit(); // deleted last: files registered later go first
            dir.resolve("windows.bin").toFile().deleteOnExit();
            dir.resolve(Pop909Index.FILE_NAME).toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
