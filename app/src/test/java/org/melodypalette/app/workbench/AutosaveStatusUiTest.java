package org.melodypalette.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.melodypalette.app.testing.FaultyFileSystem;
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
 * The red "Autosave failed" line in the window's status bar goes away once a later autosave
 * succeeds, and a later message about something else is left alone by an autosave. The disk is
 * full ({@link FaultyFileSystem}) for the first edit and has room again for the second.
 */
@ExtendWith(ApplicationExtension.class)
class AutosaveStatusUiTest {

    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");
    /** Waits on the autosave thread are bounded so a regression fails instead of hanging; nothing is timed. */
    private static final int GUARD_SECONDS = 60;

    @TempDir
    Path realDir;

    private final FaultyFileSystem disk = new FaultyFileSystem();
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void theAutosaveFailureClearsWhenALaterAutosaveSucceeds(FxRobot robot) throws Exception {
        Path autosave = disk.wrap(realDir).resolve("autosave.json");
        Workbench workbench = new Workbench(new Workbench.Dependencies(new DirectTaskRunner(),
                checkpoint -> new FakeMelodyGenerator(), Playback.disabled(), realDir, 10));
        robot.interact(() -> {
            WorkbenchView.show(workbench, stage, 1280, 860);
            workbench.start(new WorkbenchOptions(null, null, autosave));
        });
        Label status = robot.lookup("#statusMessage").queryAs(Label.class);

        disk.setFreeBytes(10);
        robot.interact(() -> workbench.editor().replaceMelody(clip(60)));
        WaitForAsyncUtils.waitFor(GUARD_SECONDS, TimeUnit.SECONDS, () -> status.getText().startsWith("Autosave failed"));
        assertThat(status.getText()).isEqualTo("Autosave failed: cannot write " + autosave + ": "
                + FaultyFileSystem.DISK_FULL);
        assertThat(status.getPseudoClassStates()).contains(ERROR);

        disk.setFreeBytes(Long.MAX_VALUE);
        robot.interact(() -> workbench.editor().replaceMelody(clip(62)));
        WaitForAsyncUtils.waitFor(GUARD_SECONDS, TimeUnit.SECONDS, () -> !status.getText().startsWith("Autosave failed"));

        assertThat(status.getText()).isEqualTo("Autosaved again");
        assertThat(status.getPseudoClassStates()).doesNotContain(ERROR);
        assertThat(workbench.status().errorProperty().get()).isFalse();

        robot.interact(() -> workbench.status().failure("Cannot decode: something else"));
        robot.interact(() -> workbench.editor().replaceMelody(clip(101)));
        WaitForAsyncUtils.waitFor(GUARD_SECONDS, TimeUnit.SECONDS,
                () -> java.nio.file.Files.readString(autosave).contains("101"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(status.getText()).isEqualTo("Cannot decode: something else");
        robot.interact(workbench::shutdown);
    }

    private static Melody clip(int pitch) {
        return Melody.of(TimeGrid.SIXTEENTHS_4_4, 32, List.of(Note.of(pitch, 0, 4), Note.of(pitch + 7, 4, 8)));
    }
}
