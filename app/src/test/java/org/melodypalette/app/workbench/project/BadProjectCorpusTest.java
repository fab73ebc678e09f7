package org.melodypalette.app.workbench.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.melodypalette.testing.BadInputCorpus;

/**
 * Every hand-made bad project file in {@code src/test/resources/bad-projects/} is refused by
 * {@link ProjectFiles#read} with one {@link ProjectFormatException} whose message is exactly
 * {@code project <file> cannot be read: <problem>}, the problem listed for it in
 * {@code expected-problems.txt}. Settings are lenient by design (checked here too).
 */
class BadProjectCorpusTest {

    @TempDir
    Path dir;

    static List<BadInputCorpus.Case> badProjects() {
        return BadInputCorpus.load("bad-projects");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badProjects")
    void eachBadProjectIsRefusedWithItsExactProblem(BadInputCorpus.Case bad) {
        assertThatThrownBy(() -> ProjectFiles.read(bad.path()))
                .isExactlyInstanceOf(ProjectFormatException.class)
                .hasMessage("project " + bad.path() + " cannot be read: " + bad.problem());
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedBeforeItIsRead() throws IOException {
        Path big = dir.resolve("big.json");
        try (OutputStream out = Files.newOutputStream(big)) {
            out.write("{\"format\": 1, \"padding\": \"".getBytes(StandardCharsets.US_ASCII));
            byte[] block = new byte[1 << 20];
            java.util.Arrays.fill(block, (byte) 'x');
            for (int i = 0; i < 8; i++) {
                out.write(block);
            }
            out.write("\"}".getBytes(StandardCharsets.US_ASCII));
        }

        assertThatThrownBy(() -> ProjectFiles.read(big))
                .isExactlyInstanceOf(ProjectFormatException.class)
                .hasMessage("project " + big + " cannot be read: the file is 8388636 bytes; a project is at most "
                        + "8388608 bytes");
    }

    @Test
    void mistypedOrMissingSettingsTakeTheirDefaultsAndTheClipIsKept() throws IOException {
        Path file = dir.resolve("odd-settings.json");
        Files.writeString(file, "{\"format\": 1, \"clip\": {\"stepsPerQuarter\": 4, \"beatsPerBar\": 4, \"beatUnit\": 4,"
                + " \"qpm\": 120, \"lengthSteps\": 32, \"notes\": [[60, 100, 0, 4]]},"
                + " \"settings\": {\"tempo\": \"fast\", \"loop\": 1, \"keyRoot\": 14, \"viewBars\": 4.7,"
                + " \"temperature\": NaN}}");

        ProjectState state = ProjectFiles.read(file);

        assertThat(state.clip().notes()).hasSize(1);
        assertThat(state.settings()).isEqualTo(new ProjectSettings(120, true, 2, "MAJOR", false, "SLERP", 7, 1.0,
                1.0, 4, 12));
    }
}
