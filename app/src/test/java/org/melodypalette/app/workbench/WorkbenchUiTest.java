package org.melodypalette.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.melodypalette.app.workbench.editor.RollGeometry;
import org.melodypalette.app.workbench.task.DirectTaskRunner;
import org.melodypalette.app.workbench.testing.FakeMelodyGenerator;
import org.melodypalette.app.workbench.testing.FileDrop;
import org.melodypalette.app.workbench.testing.MidiFixtures;
import org.melodypalette.midi.MidiTrack;
import org.melodypalette.music.Melody;
import org.melodypalette.music.Note;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives the real workbench window headless (TestFX + Monocle) with a stand-in model: draws with
 * the mouse, uses the DAW shortcuts, interpolates and drags the slider.
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchUiTest {

    @TempDir
    static Path dir;

    private final FakeMelodyGenerator generator = new FakeMelodyGenerator();
    private Workbench workbench;
    private WorkbenchView view;

    @Start
    void start(Stage stage) {
        TestWindow window = TestWindow.open(stage, new DirectTaskRunner(), checkpoint -> generator, dir,
                dir.resolve("model"));
        workbench = window.workbench();
        view = window.view();
    }

    private Point2D cell(int step, int pitch) {
        Canvas grid = view.editorPane().roll().gridCanvas();
        RollGeometry g = view.editorPane().roll().geometry();
        double[] xy = g.centreOf(step, pitch);
        return grid.localToScreen(xy[0], xy[1]);
    }

    private void drawNote(FxRobot robot, int step, int pitch, int lastStep) {
        robot.interact(() -> view.editorPane().roll().centreOnPitch(pitch));
        robot.moveTo(cell(step, pitch)).press(MouseButton.PRIMARY).moveTo(cell(lastStep, pitch)).release(MouseButton.PRIMARY);
    }

    private List<Note> notes() {
        return workbench.editor().getMelody().notes();
    }

    @Test
    void theWindowIsTitledAndOpensTheModel(FxRobot robot) {
        assertThat(robot.window(0)).extracting(w -> ((Stage) w).getTitle()).isEqualTo("Melody Palette");
        assertThat(workbench.session().infoProperty().get()).isEqualTo(FakeMelodyGenerator.INFO);
    }

    @Test
    void theModelTabNamesTheFolderOfTheModelJustOpened(FxRobot robot) {
        Path other = dir.resolve("other-model").toAbsolutePath();
        robot.interact(() -> workbench.openModel(other));

        assertThat(robot.lookup("#modelInfo").queryLabeled().getText()).endsWith(other.toString());
    }

    @Test
    void aMidiFileDroppedOnTheWindowOpensTheImportAndOtherFilesAreIgnored(FxRobot robot) throws IOException {
        Path text = Files.writeString(dir.resolve("notes.txt"), "not a tune");
        robot.interact(() -> FileDrop.dropOn(view, List.of(text.toFile())));
        assertThat(robot.lookup("#importTrack").tryQuery()).isEmpty();

        Path song = MidiFixtures.twoTrackSong(dir.resolve("dropped.mid"));
        robot.interact(() -> FileDrop.dropOn(view, List.of(text.toFile(), song.toFile())));
        WaitForAsyncUtils.waitForFxEvents();
        ComboBox<MidiTrack> track = robot.lookup("#importTrack").queryComboBox();
        assertThat(track.getValue().name()).isEqualTo("Lead");
        robot.clickOn("OK");

        assertThat(notes()).extracting(Note::pitch).startsWith(MidiFixtures.leadPitch(0, 0), MidiFixtures.leadPitch(0, 1));
    }

    @Test
    void drawingWithTheMouseThenUndoAndRedoWithTheKeyboard(FxRobot robot) {
        drawNote(robot, 0, 64, 3);
        drawNote(robot, 4, 67, 5);

        assertThat(notes()).containsExactly(Note.of(64, 0, 4), Note.of(67, 4, 6));

        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        assertThat(notes()).containsExactly(Note.of(64, 0, 4));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z).release(KeyCode.Z, KeyCode.SHIFT, KeyCode.CONTROL);
        assertThat(notes()).containsExactly(Note.of(64, 0, 4), Note.of(67, 4, 6));
    }

    @Test
    void dawShortcutsDuplicateTransposeNudgeEraseAndDelete(FxRobot robot) {
        drawNote(robot, 0, 60, 1);
        robot.press(KeyCode.CONTROL, KeyCode.D).release(KeyCode.D, KeyCode.CONTROL);
        assertThat(notes()).containsExactly(Note.of(60, 0, 2), Note.of(60, 2, 4));

        robot.type(KeyCode.UP);
        robot.type(KeyCode.RIGHT);
        assertThat(notes()).containsExactly(Note.of(60, 0, 2), Note.of(61, 3, 5));

        robot.type(KeyCode.DELETE);
        assertThat(notes()).containsExactly(Note.of(60, 0, 2));

        robot.type(KeyCode.E);
        robot.clickOn(cell(1, 60));
        assertThat(notes()).isEmpty();
        robot.type(KeyCode.B);
        robot.clickOn(cell(8, 62));
        assertThat(notes()).as("a click without drag draws the last length").containsExactly(Note.of(62, 8, 10));
    }

    @Test
    void selectToolMovesANoteByDragging(FxRobot robot) {
        drawNote(robot, 2, 60, 3);
        robot.type(KeyCode.S);
        robot.moveTo(cell(2, 60)).press(MouseButton.PRIMARY).moveTo(cell(6, 62)).release(MouseButton.PRIMARY);

        assertThat(notes()).containsExactly(Note.of(62, 6, 8));
    }

    @Test
    void interpolateAndDragTheSlider(FxRobot robot) {
        drawNote(robot, 0, 55, 3);
        robot.clickOn("#toSlotA");
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.press(KeyCode.SHIFT, KeyCode.UP).release(KeyCode.UP, KeyCode.SHIFT);
        robot.press(KeyCode.SHIFT, KeyCode.UP).release(KeyCode.UP, KeyCode.SHIFT);
        drawNote(robot, 8, 79, 9);
        assertThat(notes()).containsExactly(Note.of(79, 0, 4), Note.of(79, 8, 10));
        robot.clickOn("#toSlotB");

        robot.clickOn("#interpolateButton");

        List<Melody> strip = view.interpolationPane().stripMelodies();
        assertThat(strip).hasSize(7);
        assertThat(robot.lookup(".clip-card").queryAll()).hasSizeGreaterThanOrEqualTo(9);

        Melody before = workbench.interpolation().sliderMelodyProperty().get();
        robot.drag("#interpolationSlider .thumb", MouseButton.PRIMARY).moveBy(-150, 0).drop();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(workbench.interpolation().positionProperty().get()).isLessThan(0.2);
        Melody after = workbench.interpolation().sliderMelodyProperty().get();
        assertThat(after).isNotNull().isNotEqualTo(before);
        assertThat(after.notes().get(0).pitch()).isLessThan(before.notes().get(0).pitch());
    }

    @Test
    void spacePlaysAndStopsSilentlyWithoutASoundDevice(FxRobot robot) {
        drawNote(robot, 0, 60, 7);
        robot.type(KeyCode.SPACE);
        assertThat(workbench.transport().playingProperty().get()).isTrue();
        robot.type(KeyCode.SPACE);
        assertThat(workbench.transport().playingProperty().get()).isFalse();
        assertThat(workbench.status().errorProperty().get()).isFalse();
    }

    @Test
    void resizeANoteByItsRightEdgeAndSetVelocityInTheLane(FxRobot robot) {
        drawNote(robot, 0, 60, 1);
        RollGeometry g = view.editorPane().roll().geometry();
        Canvas grid = view.editorPane().roll().gridCanvas();
        Point2D edge = grid.localToScreen(g.xOf(2) - 2, g.yOf(60) + g.rowHeight() / 2);
        robot.moveTo(edge).press(MouseButton.PRIMARY).moveTo(cell(5, 60)).release(MouseButton.PRIMARY);
        assertThat(notes()).containsExactly(Note.of(60, 0, 6));

        Canvas lane = view.editorPane().roll().velocityLane();
        Point2D bottom = lane.localToScreen(g.xOf(0) + 3, lane.getHeight() - 8);
        robot.moveTo(bottom).press(MouseButton.PRIMARY).release(MouseButton.PRIMARY);
        assertThat(notes().get(0).velocity()).isLessThan(30);
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        assertThat(notes()).containsExactly(Note.of(60, 0, 6));
    }

    @Test
    void sixteenBarClipsShowFourBarsAtATimeWithABarScroller(FxRobot robot) {
        robot.interact(() -> workbench.editor().setBars(16));
        assertThat(workbench.editor().getMelody().lengthSteps()).isEqualTo(256);
        assertThat(view.editorPane().roll().geometry().visibleSteps()).isEqualTo(64);

        robot.interact(() -> workbench.editor().viewStartBarProperty().set(12));
        drawNote(robot, 250, 60, 251);

        assertThat(notes()).containsExactly(Note.of(60, 250, 252));
    }

    @Test
    void thePaletteBlendsAndAClickPicksAMelodyToEdit(FxRobot robot) {
        drawNote(robot, 0, 60, 3);
        robot.clickOn("#tabPalette");
        robot.clickOn("#paletteFill");
        assertThat(workbench.palette().gridProperty().get()).hasSize(25);

        robot.clickOn("#paletteArea");
        Melody picked = workbench.palette().pointMelodyProperty().get();
        assertThat(picked).isNotNull();
        robot.clickOn("#paletteTake");
        assertThat(workbench.editor().getMelody()).isEqualTo(picked);
    }

    @Test
    void sampleAndVariationsFillTheResults(FxRobot robot) {
        robot.clickOn("#tabGenerate");
        robot.clickOn("#sampleButton");
        assertThat(workbench.generate().resultsProperty().get()).hasSize(4);
        assertThat(robot.lookup("#generateResults .clip-card").queryAll()).hasSize(4);
    }

    @Test
    void aFailingModelShowsAMessageInTheStatusBarAndTheClipStays(FxRobot robot) {
        drawNote(robot, 0, 60, 3);
        robot.clickOn("#toSlotA");
        robot.clickOn("#toSlotB");
        generator.failWith = new IllegalStateException("the decoder ran out of memory");

        robot.clickOn("#interpolateButton");

        javafx.scene.control.Label status = robot.lookup("#statusMessage").queryAs(javafx.scene.control.Label.class);
        assertThat(status.getText()).isEqualTo("Cannot interpolate: the decoder ran out of memory");
        assertThat(status.getPseudoClassStates()).extracting(Object::toString).contains("error");
        assertThat(notes()).containsExactly(Note.of(60, 0, 4));
    }

    @Test
    void typingIntoTheTempoFieldAcceptsNumbersAndIgnoresNonsense(FxRobot robot) {
        javafx.scene.control.Spinner<Double> tempo = robot.lookup("#tempo").query();
        robot.interact(() -> {
            tempo.getEditor().setText("fast please");
            tempo.commitValue();
        });
        assertThat(workbench.transport().tempoProperty().get()).isEqualTo(120);

        robot.interact(() -> {
            tempo.getEditor().setText("96");
            tempo.commitValue();
        });
        assertThat(workbench.transport().tempoProperty().get()).isEqualTo(96);
    }
}
