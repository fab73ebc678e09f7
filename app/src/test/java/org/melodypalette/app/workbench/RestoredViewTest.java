package org.melodypalette.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.melodypalette.app.workbench.audio.Playback;
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
 * The clip stays in view when the zoom changes: when a session saved zoomed out is restored (found
 * in the #5 walk-through, where the restored clip sat above the visible rows) and when the user
 * zooms in.
 */
@ExtendWith(ApplicationExtension.class)
class RestoredViewTest {

    private static final Melody CLIP = Melody.of(TimeGrid.SIXTEENTHS_4_4, 32,
            List.of(Note.of(62, 8, 14), Note.of(69, 16, 18)));

    @TempDir
    static Path dir;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private Workbench newWorkbench() {
        return new Workbench(new Workbench.Dependencies(new DirectTaskRunner(), checkpoint -> new FakeMelodyGenerator(),
                Playback.disabled(), dir, 10));
    }

    @Test
    void aRestoredZoomedOutClipIsInView(FxRobot robot) {
        WorkbenchOptions options = new WorkbenchOptions(null, null, dir.resolve("autosave.json"));
        Workbench first = newWorkbench();
        first.start(options);
        first.editor().replaceMelody(CLIP);
        first.rowHeightProperty().set(7.6);
        first.shutdown();

        Workbench second = newWorkbench();
        WorkbenchView[] view = new WorkbenchView[1];
        robot.interact(() -> {
            view[0] = WorkbenchView.show(second, stage, 1280, 860);
            second.start(options);
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(second.editor().getMelody()).isEqualTo(CLIP);
        assertThat(view[0].editorPane().roll().showsAllNotes()).isTrue();
        robot.interact(second::shutdown);
    }

    @Test
    void zoomingInKeepsTheClipInView(FxRobot robot) {
        Workbench workbench = newWorkbench();
        WorkbenchView[] view = new WorkbenchView[1];
        robot.interact(() -> {
            view[0] = WorkbenchView.show(workbench, stage, 1280, 860);
            workbench.start(new WorkbenchOptions(null, null, dir.resolve("zoom-autosave.json")));
            workbench.editor().replaceMelody(CLIP);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view[0].editorPane().roll().showsAllNotes()).isTrue();

        robot.interact(() -> workbench.rowHeightProperty().set(24));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(view[0].editorPane().roll().showsAllNotes()).isTrue();
        robot.interact(workbench::shutdown);
    }
}
