package org.melodypalette.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Spinner;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.melodypalette.app.workbench.latent.PalettePath;
import org.melodypalette.app.workbench.model.ModelLoader;
import org.melodypalette.app.workbench.task.DirectTaskRunner;
import org.melodypalette.model.api.DecodeOptions;
import org.melodypalette.model.api.Encoding;
import org.melodypalette.model.api.LatentCodec;
import org.melodypalette.model.api.MelodyGenerator;
import org.melodypalette.model.api.RefineOptions;
import org.melodypalette.music.Melody;
import org.melodypalette.music.Note;
import org.melodypalette.music.TimeGrid;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A path drawn with the mouse across the palette, with the bundled model ({@code checkpoints/mel_2bar}):
 * the lane then holds one loop per sampled point, the first and last being what the model decodes
 * from the top-left and bottom-right corners' codes.
 */
@ExtendWith(ApplicationExtension.class)
class PathUiTest {

    private static final Path BUNDLED = Path.of("..").toAbsolutePath().normalize().resolve("checkpoints/mel_2bar");
    private static final int[][] PITCHES = {{60, 64, 67, 72}, {72, 71, 69, 67}, {55, 57, 59, 60}, {65, 69, 72, 69}};

    @TempDir
    static Path dir;

    private Workbench workbench;
    private WorkbenchView view;

    @Start
    void start(Stage stage) {
        TestWindow window = TestWindow.open(stage, new DirectTaskRunner(), ModelLoader::warmedUp, dir, BUNDLED);
        workbench = window.workbench();
        view = window.view();
    }

    private static Melody corner(int c) {
        List<Note> notes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            notes.add(Note.of(PITCHES[c][i % 4], i * 4, i * 4 + 3));
        }
        return Melody.of(TimeGrid.SIXTEENTHS_4_4, 32, notes);
    }

    @Test
    void aPathDrawnFromCornerToCornerFillsTheLaneWithLoopsThatStartAndEndOnTheCorners(FxRobot robot)
            throws IOException {
        assertThat(workbench.session().hasModel()).isTrue();
        List<Melody> corners = List.of(corner(0), corner(1), corner(2), corner(3));
        robot.interact(() -> {
            for (int c = 0; c < 4; c++) {
                workbench.palette().setCorner(c, corners.get(c));
            }
        });
        // Room for the palette's path controls in Monocle's 1280×800 screen.
        robot.interact(() -> ((javafx.scene.control.SplitPane) view.getCenter()).setDividerPositions(0.2));
        robot.clickOn("#tabPalette");
        robot.clickOn("#palettePathMode");
        Node area = robot.lookup("#paletteArea").query();
        Point2D start = area.localToScreen(2, 3);
        robot.moveTo(start).press(MouseButton.PRIMARY)
                .moveTo(area.localToScreen(150, 60)).moveTo(area.localToScreen(240, 200))
                .moveTo(area.localToScreen(298, 297)).release(MouseButton.PRIMARY);
        PalettePath path = workbench.palette().pathProperty().get();
        assertThat(path.points().get(0)).isEqualTo(new PalettePath.Point(0, 0));
        assertThat(path.points().get(path.points().size() - 1)).isEqualTo(new PalettePath.Point(1, 1));
        Spinner<Integer> loops = robot.lookup("#pathLoops").query();
        robot.interact(() -> loops.getValueFactory().setValue(6));
        robot.clickOn("#pathToLane");

        List<Melody> lane = workbench.lane().getArrangement().clips();
        assertThat(lane).hasSize(6);
        assertThat(lane).allSatisfy(loop -> assertThat(loop.bars()).isEqualTo(2));
        // The palette's corners hold refined codes (LoadedModel.encode): decode the same, without a time limit.
        List<Melody> cornerDecodes;
        try (MelodyGenerator model = ModelLoader.warmedUp(BUNDLED)) {
            LatentCodec codec = (LatentCodec) model;
            cornerDecodes = codec.decode(codec.encode(corners, RefineOptions.DEFAULT.withBudgetMillis(0)).stream()
                    .map(Encoding::z).toList(), DecodeOptions.ARGMAX);
        }
        assertThat(lane.get(0).notes()).isEqualTo(cornerDecodes.get(0).notes());
        assertThat(lane.get(5).notes()).isEqualTo(cornerDecodes.get(3).notes());
        assertThat(lane.get(0).notes()).isNotEqualTo(lane.get(5).notes());

        robot.clickOn("#laneUndo");
        assertThat(workbench.lane().getArrangement().isEmpty()).isTrue();
    }
}
