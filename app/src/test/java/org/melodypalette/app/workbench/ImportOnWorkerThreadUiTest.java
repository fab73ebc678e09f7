package org.melodypalette.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.melodypalette.app.workbench.task.BackgroundTaskRunner;
import org.melodypalette.app.workbench.testing.FakeMelodyGenerator;
import org.melodypalette.app.workbench.testing.FileDrop;
import org.melodypalette.app.workbench.testing.MidiFixtures;
import org.melodypalette.music.Note;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The import with the production task runner: the file is read on its worker thread and the modal
 * dialog opens from the result handed back to the UI thread.
 */
@ExtendWith(ApplicationExtension.class)
class ImportOnWorkerThreadUiTest {

    @TempDir
    static Path dir;

    private final FakeMelodyGenerator generator = new FakeMelodyGenerator();
    private Workbench workbench;
    private WorkbenchView view;

    @Start
    void start(Stage stage) {
        TestWindow window = TestWindow.open(stage, new BackgroundTaskRunner(), checkpoint -> generator, dir,
                dir.resolve("model"));
        workbench = window.workbench();
        view = window.view();
    }

    @Test
    void aDroppedSongOpensTheDialogAtItsFirstNoteAndImportsWithItsReductionsStated(FxRobot robot)
            throws IOException, TimeoutException {
        Path song = MidiFixtures.lateChordsAndHighNotes(dir.resolve("piano.mid"));

        robot.interact(() -> FileDrop.dropOn(view, List.of(song.toFile())));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#importPreviewText").tryQuery()
                .map(label -> ((Label) label).getText().startsWith("8 notes")).orElse(false));
        Spinner<Integer> startBar = robot.lookup("#importStartBar").query();
        assertThat(startBar.getValue()).isEqualTo(9);
        robot.clickOn("OK");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> workbench.editor().getMelody().notes().size() == 8);

        assertThat(workbench.editor().getMelody().notes()).extracting(Note::pitch)
                .containsExactly(67, 68, 69, 70, 98, 101, 103, 62);
        assertThat(workbench.status().getMessage()).endsWith("3 notes above C8 folded down an octave");
    }
}
