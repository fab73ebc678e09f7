package org.melodypalette.app.workbench.project;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.melodypalette.app.workbench.Workbench;
import org.melodypalette.app.workbench.audio.Playback;
import org.melodypalette.app.workbench.task.DirectTaskRunner;
import org.melodypalette.app.workbench.testing.FakeMelodyGenerator;
import org.melodypalette.testing.Allocations;

/**
 * A project (or autosave) file with any bytes ({@link ProjectFiles#read}): it either reads as a
 * project that survives a write/read round trip and opens in the workbench without an error, or
 * fails with one {@link ProjectFormatException} whose one-line message names the file; never
 * another exception. Reading allocates at most a few times the file's size.
 *
 * <p>Under {@code ./mvnw verify} the committed inputs in {@code ProjectFilesFuzzTestInputs/} run;
 * {@code JAZZER_FUZZ=1} fuzzes (see docs/RELIABILITY.md).
 */
class ProjectFilesFuzzTest {

    /** Allowance for parser buffers and objects on top of {@link #ALLOCATION_PER_FILE_BYTE} per byte. */
    private static final long ALLOCATION_ALLOWANCE = 4L << 20;
    private static final long ALLOCATION_PER_FILE_BYTE = 64;

    private static final Path DIR = createScratchDir();
    private static final Path FILE = DIR.resolve("fuzzed.json");
    private static final Path ROUND_TRIP = DIR.resolve("round-trip.json");
    /** A workbench without a window (as the session tests build it); reused, as opening replaces its project. */
    private static final Workbench WORKBENCH = new Workbench(new Workbench.Dependencies(new DirectTaskRunner(),
            checkpoint -> new FakeMelodyGenerator(), Playback.disabled(), DIR, 60_000));

    @FuzzTest(maxDuration = "10m")
    void openAnyProjectFile(byte[] data) throws Exception {
        Files.write(FILE, data);
        ProjectState[] read = new ProjectState[1];
        Allocations.assertAtMost(ALLOCATION_ALLOWANCE + ALLOCATION_PER_FILE_BYTE * data.length,
                "reading a " + data.length + "-byte project", () -> read[0] = readOrCheckRefusal());
        ProjectState state = read[0];
        if (state == null) {
            return;
        }
        ProjectFiles.write(ROUND_TRIP, state);
        assertThat(ProjectFiles.read(ROUND_TRIP)).isEqualTo(state);

        WORKBENCH.openProject(FILE);
        assertThat(WORKBENCH.status().getMessage()).isEqualTo("Opened project " + FILE.getFileName());
    }

    /** The project, or null after checking the refusal is one clear message naming the file. */
    private static ProjectState readOrCheckRefusal() throws IOException {
        try {
            return ProjectFiles.read(FILE);
        } catch (ProjectFormatException e) {
            assertThat(e.getMessage()).startsWith("project " + FILE + " cannot be read: ")
                    .doesNotContain("\n").doesNotContain("\r");
            return null;
        }
    }

    private static Path createScratchDir() {
        try {
            Path dir = Files.createTempDirectory("project-fuzz");
            dir.toFile().deleteOnExit(); // deleted last: files registered later go first
            dir.resolve("fuzzed.json").toFile().deleteOnExit();
            dir.resolve("round-trip.json").toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
