package org.melodypalette.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.melodypalette.app.workbench.editor.PianoRollView;
import org.melodypalette.app.workbench.project.DemoProject;
import org.melodypalette.app.workbench.task.DirectTaskRunner;
import org.melodypalette.app.workbench.testing.FakeMelodyGenerator;
import org.melodypalette.music.Melody;
import org.melodypalette.music.Note;
import org.melodypalette.music.TimeGrid;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The first window on a fresh home (no autosave yet), as the app starts it: the demo tunes in A
 * and B, a computed strip to drag through, a welcome that names what to do, the roll showing the
 * notes, and a hint over an empty clip.
 */
@ExtendWith(ApplicationExtension.class)
class FirstStartUiTest {

    @TempDir
    static Path dir;

    private final FakeMelodyGenerator generator = new FakeMelodyGenerator();
    private Workbench workbench;
    private WorkbenchView view;

    @Start
    void start(Stage stage) {
        TestWindow window = TestWindow.show(stage, new DirectTaskRunner(), checkpoint -> generator, dir);
        workbench = window.workbench();
        view = window.view();
        Path freshAutosave = dir.resolve("fresh-" + System.nanoTime()).resolve("autosave.json");
        workbench.start(new WorkbenchOptions(dir.resolve("model"), null, freshAutosave).withDemoOnFirstStart());
    }

    private PianoRollView roll() {
        return view.editorPane().roll();
    }

    @Test
    void aFirstStartOpensOnTheDemoWithAStripToDragAndAWelcome(FxRobot robot) {
        assertThat(workbench.interpolation().slotAProperty().get()).isEqualTo(DemoProject.tuneA());
        assertThat(workbench.interpolation().slotBProperty().get()).isEqualTo(DemoProject.tuneB());
        assertThat(view.interpolationPane().stripMelodies()).hasSize(7);
        assertThat(workbench.interpolation().sliderMelodyProperty().get()).isNotNull();
        assertThat(robot.lookup("#statusMessage").queryAs(Label.class).getText()).isEqualTo(Workbench.WELCOME);
        assertThat(robot.lookup("#emptyRollHint").queryAs(Label.class).isVisible()).isFalse();
        assertThat(robot.lookup("#stripEmptyHint").queryAs(Label.class).isVisible()).isFalse();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(roll().showsAllNotes()).isTrue();
    }

    @Test
    void aNewEmptyClipShowsTheThreeWaysToStart(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);

        Label hint = robot.lookup("#emptyRollHint").queryAs(Label.class);
        assertThat(hint.isVisible()).isTrue();
        assertThat(hint.getText()).contains("draw notes").contains("import a MIDI file").contains("Sample");
    }

    @Test
    void aClipWiderThanTheViewIsZoomedOutAndCentredSoEveryNoteShows(FxRobot robot) {
        List<Note> notes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            notes.add(Note.of(i % 2 == 0 ? 48 + i : 84 - i, i * 4, i * 4 + 4));
        }
        Melody wide = new Melody(TimeGrid.SIXTEENTHS_4_4, 32, notes);

        robot.interact(() -> workbench.editor().replaceMelody(wide));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(roll().showsAllNotes()).as("pitches 48–84 all in view").isTrue();
        assertThat(roll().rowHeightProperty().get()).isGreaterThanOrEqualTo(PianoRollView.MIN_ROW_HEIGHT);
    }
}
