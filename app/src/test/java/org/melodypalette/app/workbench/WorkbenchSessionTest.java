package org.melodypalette.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melodypalette.app.workbench.audio.Playback;
import org.melodypalette.app.workbench.editor.MusicalKey;
import org.melodypalette.app.workbench.editor.Scale;
import org.melodypalette.app.workbench.task.DirectTaskRunner;
import org.melodypalette.app.workbench.testing.FakeMelodyGenerator;
import org.melodypalette.model.api.Interpolation;
import org.melodypalette.music.Melody;
import org.melodypalette.music.Note;
import org.melodypalette.music.TimeGrid;

/** The project lifecycle without a window: autosave and restore, open/save, bad files. */
class WorkbenchSessionTest {

    private static final Melody CLIP = Melody.of(TimeGrid.SIXTEENTHS_4_4, 32, List.of(Note.of(62, 0, 4), Note.of(65, 4, 8)));

    @TempDir
    Path dir;

    private Workbench newWorkbench() {
        return new Workbench(new Workbench.Dependencies(new DirectTaskRunner(), checkpoint -> new FakeMelodyGenerator(),
                Playback.disabled(), dir, 10));
    }

    private WorkbenchOptions options(Path projectFile) {
        return new WorkbenchOptions(null, projectFile, dir.resolve("autosave.json"));
    }

    @Test
    void theSessionIsRestoredOnTheNextStart() throws IOException {
        Files.createDirectories(dir.resolve("my-model"));
        Workbench first = newWorkbench();
        first.start(options(null));
        first.openModel(dir.resolve("my-model"));
        first.editor().replaceMelody(CLIP);
        first.interpolation().setSlotA(CLIP);
        first.palette().setCorner(3, CLIP);
        first.transport().tempoProperty().set(98);
        first.editor().keyProperty().set(new MusicalKey(9, Scale.NATURAL_MINOR));
        first.interpolation().modeProperty().set(Interpolation.LERP);
        first.shutdown();

        Workbench second = newWorkbench();
        second.start(options(null));

        // The tempo is the clip's: setting it to 98 retimed the clip.
        assertThat(second.editor().getMelody()).isEqualTo(CLIP.withGrid(CLIP.grid().withTempo(98)));
        assertThat(second.editor().canUndoProperty().get()).isFalse();
        assertThat(second.interpolation().slotAProperty().get()).isEqualTo(CLIP);
        assertThat(second.interpolation().slotBProperty().get()).isNull();
        assertThat(second.palette().cornersProperty().get().get(3)).isEqualTo(CLIP);
        assertThat(second.transport().tempoProperty().get()).isEqualTo(98);
        assertThat(second.editor().keyProperty().get()).isEqualTo(new MusicalKey(9, Scale.NATURAL_MINOR));
        assertThat(second.interpolation().modeProperty().get()).isEqualTo(Interpolation.LERP);
        assertThat(second.session().checkpointProperty().get()).isEqualTo(dir.resolve("my-model").toAbsolutePath());
        second.shutdown();
    }

    @Test
    void withoutAnyModelTheStatusSaysHowToOpenOne() {
        Workbench workbench = newWorkbench();
        workbench.start(options(null));

        assertThat(workbench.session().hasModel()).isFalse();
        assertThat(workbench.status().getMessage()).isEqualTo("No model loaded — Model ▸ Open checkpoint…");
        workbench.shutdown();
    }

    @Test
    void aBadProjectFileIsReportedAndTheCurrentClipIsKept() throws IOException {
        Workbench workbench = newWorkbench();
        workbench.start(options(null));
        workbench.editor().replaceMelody(CLIP);
        Path bad = dir.resolve("broken.json");
        Files.writeString(bad, "PK\u0003\u0004 this is a zip, not a project");

        workbench.openProject(bad);

        assertThat(workbench.editor().getMelody()).isEqualTo(CLIP);
        assertThat(workbench.status().errorProperty().get()).isTrue();
        assertThat(workbench.status().getMessage()).startsWith("Cannot open the project: project ")
                .contains("broken.json").doesNotContain("Exception").doesNotContain("\tat ");
        workbench.shutdown();
    }

    @Test
    void saveAndOpenAProjectFile() {
        Workbench workbench = newWorkbench();
        workbench.start(options(null));
        workbench.editor().replaceMelody(CLIP);
        Path file = dir.resolve("song.json");
        workbench.saveProject(file);
        workbench.newClip();
        assertThat(workbench.editor().getMelody().notes()).isEmpty();

        workbench.openProject(file);

        assertThat(workbench.editor().getMelody()).isEqualTo(CLIP);
        assertThat(workbench.projectFileProperty().get()).isEqualTo(file);
        workbench.shutdown();
    }

    @Test
    void aDamagedAutosaveIsKeptAsideAndTheAppStartsEmpty() throws IOException {
        Files.writeString(dir.resolve("autosave.json"), "{\"format\": 1, \"clip\": {\"lengthSteps\": -3");
        Workbench workbench = newWorkbench();

        workbench.start(options(null));

        assertThat(workbench.editor().getMelody().notes()).isEmpty();
        assertThat(workbench.status().getMessage()).startsWith("The last session could not be restored")
                .contains("autosave.json.damaged-");
        workbench.shutdown();
    }
}
