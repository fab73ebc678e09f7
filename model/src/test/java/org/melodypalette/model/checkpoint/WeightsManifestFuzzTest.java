package org.melodypalette.model.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.melodypalette.testing.Allocations;

/**
 * Loading the weights of a checkpoint folder ({@link WeightsManifest#read}) whose manifest and
 * shards are any bytes: it either reads or fails with one {@link CheckpointException} naming the
 * folder or a file in it, and never allocates much more than the files hold (declared sizes are
 * checked against the shards before anything is allocated).
 *
 * <p>Input bytes: the manifest JSON up to the first NUL byte; after it, one byte {@code k % 4} and
 * the shard bytes, split evenly into the files {@code s1 .. sk}. Under {@code ./mvnw verify} the
 * committed inputs in {@code WeightsManifestFuzzTestInputs/} run; {@code JAZZER_FUZZ=1} fuzzes
 * (see docs/RELIABILITY.md).
 */
class WeightsManifestFuzzTest {

    private static final long ALLOCATION_ALLOWANCE = 4L << 20;
    /** A uint8 element becomes a 4-byte float; the raw bytes are read into a buffer first. */
    private static final long ALLOCATION_PER_INPUT_BYTE = 16;
    private static final int MAX_SHARDS = 3;

    private static final Path DIR = createScratchDir();

    @FuzzTest(maxDuration = "10m")
    void readAnyCheckpointFolder(byte[] data) throws Exception {
        writeFolder(data);
        Allocations.assertAtMost(ALLOCATION_ALLOWANCE + ALLOCATION_PER_INPUT_BYTE * data.length,
                "loading a " + data.length + "-byte folder", WeightsManifestFuzzTest::readFolder);
    }

    private static void readFolder() {
        try {
            WeightSet weights = WeightsManifest.read(DIR);
            assertThat(weights.size()).isPositive();
            for (WeightTensor tensor : weights.tensors()) {
                for (float value : tensor.values()) {
                    assertThat(Float.isFinite(value)).as("%s holds %s", tensor, value).isTrue();
                }
            }
        } catch (CheckpointException e) {
            assertThat(e.getMessage()).startsWith(DIR.toString());
        }
    }

    /** Replaces the folder's files with the manifest and shards the input describes. */
    private static void writeFolder(byte[] data) throws IOException {
        try (Stream<Path> old = Files.list(DIR)) {
            for (Path file : (Iterable<Path>) old::iterator) {
                Files.delete(file);
            }
        }
        int nul = indexOf(data, (byte) 0);
        Files.write(DIR.resolve(WeightsManifest.FILE_NAME), Arrays.copyOf(data, nul < 0 ? data.length : nul));
        if (nul < 0 || nul + 1 >= data.length) {
            return;
        }
        int shards = (data[nul + 1] & 0xFF) % (MAX_SHARDS + 1);
        int from = nul + 2;
        int bytes = data.length - from;
        for (int k = 0; k < shards; k++) {
            Files.write(DIR.resolve("s" + (k + 1)),
                    Arrays.copyOfRange(data, from + k * bytes / shards, from + (k + 1) * bytes / shards));
        }
    }

    private static int indexOf(byte[] data, byte value) {
        for (int i = 0; i < data.length; i++) {
            if (data[i] == value) {
                return i;
            }
        }
        return -1;
    }

    private static Path createScratchDir() {
        try {
            Path dir = Files.createTempDirectory("checkpoint-fuzz");
            dir.toFile().deleteOnExit(); // deleted last: files registered later go first
            dir.resolve(WeightsManifest.FILE_NAME).toFile().deleteOnExit();
            for (int k = 1; k <= MAX_SHARDS; k++) {
                dir.resolve("s" + k).toFile().deleteOnExit();
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
