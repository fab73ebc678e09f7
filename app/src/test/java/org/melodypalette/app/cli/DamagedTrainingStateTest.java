package org.melodypalette.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.melodypalette.app.testing.ChildJvm;
import org.melodypalette.app.testing.ChildJvms;

/**
 * A good checkpoint whose optimizer state is then damaged in place (same size), resumed by
 * {@code palette train --resume} in a real child JVM: the run refuses the state (checksum, or
 * non-finite moments where the folder has no checksums) or stops when training diverges, exits
 * non-zero with one line on stderr, and leaves every file of the good checkpoint byte for byte.
 */
class DamagedTrainingStateTest {

    private static final Duration GUARD = Duration.ofSeconds(180);
    private static final String OPTIMIZER = "optimizer_state.bin";

    @TempDir
    Path dir;

    @RegisterExtension
    final ChildJvms children = new ChildJvms();

    private Path data;
    private Path run;

    @BeforeEach
    void trainAGoodCheckpointOfStep6() throws IOException {
        data = TinyDataset.write(dir.resolve("windows.mpwin"), 11);
        run = dir.resolve("run");
        CliRun first = CliRun.of("train", "--preset", "tiny-test", "--data", data.toString(), "--out", run.toString(),
                "--steps", "6", "--checkpoint-every", "3", "--eval-every", "1000", "--threads", "1");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(run.resolve("checksums.sha256")).isRegularFile();
    }

    @Test
    void nanInTheOptimizerStateFailsItsChecksum() throws IOException {
        damageFirstMoments(Float.NaN, 4);
        Map<String, byte[]> before = files(run);

        ChildJvm resumed = resume("checksum");

        assertThat(resumed.awaitExit(GUARD)).as(resumed.diagnostics()).isEqualTo(2);
        assertThat(stderrLines("checksum")).containsExactly("palette train: " + run.resolve(OPTIMIZER)
                + ": is damaged: its SHA-256 differs from the one checksums.sha256 records (the file changed after "
                + "the checkpoint was written)");
        assertThat(resumed.lines()).noneMatch(line -> line.contains("finished"));
        assertSameFiles(before, files(run));
    }

    @Test
    void nanInTheOptimizerStateOfAFolderWithoutChecksumsIsRefused() throws IOException {
        Files.delete(run.resolve("checksums.sha256"));
        damageFirstMoments(Float.NaN, 4);
        Map<String, byte[]> before = files(run);

        ChildJvm resumed = resume("nan");

        assertThat(resumed.awaitExit(GUARD)).as(resumed.diagnostics()).isEqualTo(2);
        List<String> err = stderrLines("nan");
        assertThat(err).hasSize(1);
        assertThat(err.get(0)).startsWith("palette train: " + run.resolve(OPTIMIZER) + ": optimizer tensor ")
                .endsWith("/m holds a non-finite value (NaN) at index 0; the state is damaged");
        assertSameFiles(before, files(run));
    }

    @Test
    void finiteButHugeMomentsDivergeAndTheGoodCheckpointIsKept() throws IOException {
        Files.delete(run.resolve("checksums.sha256"));
        damageFirstMoments(3e38f, Integer.MAX_VALUE);
        Map<String, byte[]> before = files(run);

        ChildJvm resumed = resume("diverged");

        assertThat(resumed.awaitExit(GUARD)).as(resumed.diagnostics()).isEqualTo(2);
        List<String> err = stderrLines("diverged");
        assertThat(err).hasSize(1);
        assertThat(err.get(0)).startsWith("palette train: training diverged at step ")
                .contains("; stopped without saving it, the checkpoint of step 6 in " + run + " is kept.");
        assertThat(resumed.lines()).noneMatch(line -> line.contains("finished"));
        assertSameFiles(before, files(run));
    }

    private ChildJvm resume(String name) {
        return children.start(name, List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                        "--add-modules", "jdk.incubator.vector", "-Dorg.bytedeco.javacpp.maxBytes=1g"),
                "org.melodypalette.app.cli.PaletteCommand",
                List.of("train", "--resume", "--data", data.toString(), "--out", run.toString(), "--steps", "12",
                        "--checkpoint-every", "3", "--eval-every", "1000", "--threads", "1"),
                Map.of("OMP_NUM_THREADS", "1"), dir.resolve(name + ".stderr.txt"));
    }

    /** Lines on stderr apart from the JVM's notice of the incubator module and the test class path's INFO log. */
    private List<String> stderrLines(String name) throws IOException {
        return Files.readAllLines(dir.resolve(name + ".stderr.txt")).stream()
                .filter(line -> !line.startsWith("WARNING: Using incubator modules") && !line.contains("] INFO "))
                .toList();
    }

    /**
     * Overwrites up to {@code count} floats at the start of the state's tensors (the first tensor is
     * the first variable's m) with {@code value}; the file keeps its size.
     */
    private void damageFirstMoments(float value, int count) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(run.resolve(OPTIMIZER).toFile(), "rw")) {
            long size = file.length();
            byte[] lengthBytes = new byte[4];
            file.seek(8);
            file.readFully(lengthBytes);
            long body = 12 + ByteBuffer.wrap(lengthBytes).order(ByteOrder.LITTLE_ENDIAN).getInt();
            ByteBuffer bytes = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(0, value);
            file.seek(body);
            for (long i = 0; i < count && file.getFilePointer() < size; i++) {
                file.write(bytes.array());
            }
            assertThat(file.length()).isEqualTo(size);
        }
    }

    private static Map<String, byte[]> files(Path folder) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(folder)) {
            for (Path file : (Iterable<Path>) list::iterator) {
                files.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        }
        return files;
    }

    private static void assertSameFiles(Map<String, byte[]> before, Map<String, byte[]> after) {
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((name, bytes) -> assertThat(after.get(name)).as(name).isEqualTo(bytes));
    }
}
