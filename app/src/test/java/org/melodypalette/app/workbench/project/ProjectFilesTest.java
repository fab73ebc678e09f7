package org.melodypalette.app.workbench.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melodypalette.music.Melody;
import org.melodypalette.music.Note;
import org.melodypalette.music.TimeGrid;

class ProjectFilesTest {

    @TempDir
    Path dir;

    private static ProjectState sample() {
        Melody clip = Melody.of(new TimeGrid(4, 3, 4, 96), 24, List.of(new Note(60, 80, 0, 3), Note.of(67, 3, 6)));
        Melody a = Melody.of(TimeGrid.SIXTEENTHS_4_4, 32, List.of(Note.of(72, 0, 8)));
        return new ProjectState(clip, a, null, Arrays.asList(a, null, clip, null), "/models/mel_2bar",
                new ProjectSettings(96, false, 9, "NATURAL_MINOR", true, "LERP", 5, 0.8, 0.9, 2, 14));
    }

    @Test
    void aProjectRoundTripsThroughJson() throws IOException {
        Path file = dir.resolve("p.json");
        ProjectFiles.write(file, sample());

        ProjectState back = ProjectFiles.read(file);

        assertThat(back).isEqualTo(sample());
        assertThat(Files.readString(file)).contains("\"format\" : 1").contains("[ 60, 80, 0, 3 ]");
    }

    @Test
    void garbageIsOneClearErrorNamingTheFile() throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{ not json", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ProjectFiles.read(file))
                .isInstanceOf(ProjectFormatException.class)
                .hasMessageContaining("bad.json").hasMessageContaining("not a Melody Palette project");
    }

    @Test
    void anInvalidNoteIsReportedWithTheValue() throws IOException {
        Path file = dir.resolve("bad-note.json");
        Files.writeString(file, "{\"format\":1,\"clip\":{\"stepsPerQuarter\":4,\"beatsPerBar\":4,\"beatUnit\":4,"
                + "\"qpm\":120,\"lengthSteps\":32,\"notes\":[[200,100,0,4]]}}");

        assertThatThrownBy(() -> ProjectFiles.read(file))
                .isInstanceOf(ProjectFormatException.class)
                .hasMessageContaining("bad-note.json").hasMessageContaining("pitch 200");
    }

    @Test
    void missingSettingsFallBackToDefaults() throws IOException {
        Path file = dir.resolve("minimal.json");
        Files.writeString(file, "{\"format\":1,\"clip\":{\"stepsPerQuarter\":4,\"beatsPerBar\":4,\"beatUnit\":4,"
                + "\"qpm\":120,\"lengthSteps\":32,\"notes\":[]}}");

        ProjectState state = ProjectFiles.read(file);

        assertThat(state.settings()).isEqualTo(ProjectSettings.DEFAULTS);
        assertThat(state.corners()).hasSize(4).containsOnlyNulls();
    }

    @Test
    void autosaveWritesTheLatestStateAndMovesADamagedFileAsideInsteadOfLosingIt() throws IOException {
        Path file = dir.resolve("autosave.json");
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (Autosaver saver = new Autosaver(file, 60_000, failure::set)) {
            saver.request(new ProjectState(Melody.silent(TimeGrid.SIXTEENTHS_4_4, 32), null, null, null, null,
                    ProjectSettings.DEFAULTS));
            saver.request(sample());
            saver.flush();
            assertThat(saver.restore()).isEqualTo(sample());

            Files.writeString(file, "{\"format\":1,\"clip\":");
            assertThatThrownBy(saver::restore).hasMessageContaining("kept as autosave.json.damaged-");
            assertThat(Files.exists(file)).isFalse();
            try (var listing = Files.list(dir)) {
                assertThat(listing.map(p -> p.getFileName().toString()))
                        .anyMatch(name -> name.startsWith("autosave.json.damaged-"));
            }
        }
        assertThat(failure.get()).isNull();
    }

    @Test
    void aSavedProjectIsReadableAsAnyNewFileIs(@TempDir Path folder) throws IOException {
        Path plain = Files.createFile(folder.resolve("plain-new-file"));
        Path file = folder.resolve("song.palette.json");

        ProjectFiles.write(file, sample());

        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(Files.getPosixFilePermissions(plain));
    }
}
