package org.melodypalette.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.melodypalette.app.workbench.audio.Playback;
import org.melodypalette.app.workbench.editor.RollGeometry;
import org.melodypalette.app.workbench.task.DirectTaskRunner;
import org.melodypalette.app.workbench.testing.FakeMelodyGenerator;
import org.melodypalette.app.workbench.theme.RollColors;
import org.melodypalette.app.workbench.theme.Theme;
import org.melodypalette.music.Melody;
import org.melodypalette.music.Note;
import org.melodypalette.music.TimeGrid;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The AtlantaFX theme in the real window: dark by default, View ▸ Dark theme switches to light and
 * back, repaints the roll in the theme's colours and is remembered in the preferences.
 */
@ExtendWith(ApplicationExtension.class)
class ThemeUiTest {

    private static final String NODE = "org/melodypalette/test-theme-" + System.nanoTime();

    @TempDir
    static Path dir;

    private Workbench workbench;
    private WorkbenchView view;

    @BeforeAll
    static void ownPreferences() {
        System.setProperty("palette.preferences", NODE);
    }

    @AfterAll
    static void dropPreferences() throws BackingStoreException {
        Preferences.userRoot().node(NODE).removeNode();
        System.clearProperty("palette.preferences");
    }

    @Start
    void start(Stage stage) {
        workbench = new Workbench(new Workbench.Dependencies(new DirectTaskRunner(), checkpoint -> new FakeMelodyGenerator(),
                Playback.open(), dir, 50));
        view = WorkbenchView.show(workbench, stage, 1200, 800);
        workbench.start(new WorkbenchOptions(dir.resolve("model"), null, dir.resolve("autosave-" + System.nanoTime() + ".json")));
    }

    /** The colour the roll paints in the middle of step 0's cell on the C#4 row (a black-key row out of C major). */
    private Color blackRowPixel(FxRobot robot) {
        Canvas grid = view.editorPane().roll().gridCanvas();
        RollGeometry g = view.editorPane().roll().geometry();
        robot.interact(() -> view.editorPane().roll().centreOnPitch(61));
        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = grid.snapshot(null, null));
        int x = (int) (g.xOf(2) + g.stepWidth() / 2);
        int y = (int) (g.yOf(61) + g.rowHeight() / 2);
        return shot[0].getPixelReader().getColor(x, y);
    }

    @Test
    void darkByDefaultThenLightFromTheViewMenuAndRemembered(FxRobot robot) {
        robot.interact(() -> workbench.editor().replaceMelody(
                new Melody(TimeGrid.SIXTEENTHS_4_4, 32, List.of(Note.of(67, 8, 12)))));
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(Theme.DARK.userAgentStylesheet());
        assertThat(blackRowPixel(robot)).isEqualTo(RollColors.DARK.blackRow());

        robot.clickOn("View").clickOn("#darkTheme");

        assertThat(Application.getUserAgentStylesheet()).isEqualTo(Theme.LIGHT.userAgentStylesheet());
        assertThat(blackRowPixel(robot)).isEqualTo(RollColors.LIGHT.blackRow());
        assertThat(Theme.saved(Preferences.userRoot().node(NODE))).isEqualTo(Theme.LIGHT);

        robot.clickOn("View").clickOn("#darkTheme");
        assertThat(Theme.saved(Preferences.userRoot().node(NODE))).isEqualTo(Theme.DARK);
        assertThat(blackRowPixel(robot)).isEqualTo(RollColors.DARK.blackRow());
    }
}
