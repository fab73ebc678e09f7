package org.melodypalette.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.melodypalette.app.workbench.audio.Playback;
import org.melodypalette.app.workbench.testing.FakeMelodyGenerator;
import org.melodypalette.app.workbench.testing.FileDrop;
import org.melodypalette.app.workbench.testing.ManualTaskRunner;
import org.melodypalette.app.workbench.testing.MidiFixtures;
import org.melodypalette.music.Note;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Importing a real-shaped song into the real window (TestFX + Monocle): a late start, chords and
 * notes above C8. The task runner is held by the test, so each step that reads or quantises MIDI
 * is seen waiting on it instead of running on the UI thread.
 */
@ExtendWith(ApplicationExtension.class)
class ImportUiTest {

    @TempDir
    static Path dir;

    private final ManualTaskRunner runner = new ManualTaskRunner();
    private final FakeMelodyGenerator generator = new FakeMelodyGenerator();
    private Workbench workbench;
    private WorkbenchView view;

    @Start
    void start(Stage stage) {
        workbench = new Workbench(new Workbench.Dependencies(runner, checkpoint -> generator, Playback.open(), dir, 50));
        view = WorkbenchView.show(workbench, stage, 1200, 800);
        workbench.start(new WorkbenchOptions(dir.resolve("model"), null,
                dir.resolve("autosave-" + System.nanoTime() + ".json")));
        runner.runAll();
    }

    @Test
    void aDroppedSongIsReadOffTheUiThreadAndOpensAtItsFirstNoteWithEveryReductionStated(FxRobot robot)
            throws IOException {
        Path song = MidiFixtures.lateChordsAndHighNotes(dir.resolve("piano.mid"));

        robot.interact(() -> FileDrop.dropOn(view, List.of(song.toFile())));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(runner.pending()).as("reading the file waits on the task runner").isEqualTo(1);
        assertThat(robot.lookup("#importTrack").tryQuery()).isEmpty();

        // The dialog is modal: it opens inside this task's callback and waits there for OK.
        Platform.runLater(runner::runNext);
        WaitForAsyncUtils.waitForFxEvents();
        Spinner<Integer> startBar = robot.lookup("#importStartBar").query();
        assertThat(startBar.getValue()).as("the dialog opens on the first bar with a note").isEqualTo(9);
        assertThat(runner.pending()).as("the preview is quantised on the task runner").isEqualTo(1);
        robot.interact(runner::runNext);
        Label preview = robot.lookup("#importPreviewText").query();
        assertThat(preview.getText()).isEqualTo("8 notes, 2 bars at 96 qpm, 4/4\n"
                + "chords → top line: 8 notes dropped\n3 notes above C8 folded down an octave");

        robot.clickOn("OK");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(runner.pending()).as("cutting the clip waits on the task runner").isEqualTo(1);
        robot.interact(runner::runNext);

        assertThat(workbench.editor().getMelody().notes()).extracting(Note::pitch)
                .containsExactly(67, 68, 69, 70, 98, 101, 103, 62);
        assertThat(workbench.status().getMessage()).isEqualTo("Imported piano.mid: Melody, bars 9–10 (8 notes) — "
                + "chords → top line: 8 notes dropped; 3 notes above C8 folded down an octave");
    }

    @Test
    void choosingBarsWithoutANoteSaysSoInThePreview(FxRobot robot) throws IOException {
        Path song = MidiFixtures.lateChordsAndHighNotes(dir.resolve("piano2.mid"));
        Platform.runLater(() -> view.transfer().importMidi(song));
        WaitForAsyncUtils.waitForFxEvents();
        Platform.runLater(runner::runNext);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(runner::runAll);

        Spinner<Integer> startBar = robot.lookup("#importStartBar").query();
        robot.interact(() -> startBar.getValueFactory().setValue(1));
        robot.interact(runner::runAll);

        Label preview = robot.lookup("#importPreviewText").query();
        assertThat(preview.getText()).isEqualTo(
                "No notes here: no notes in bars 1–2 of track 'Melody' (its first note is in bar 9)");
        robot.clickOn("Cancel");
    }
}
