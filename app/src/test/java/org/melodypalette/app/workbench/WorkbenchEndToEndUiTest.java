package org.melodypalette.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.melodypalette.app.workbench.audio.Playback;
import org.melodypalette.app.workbench.editor.RollGeometry;
import org.melodypalette.app.workbench.model.ModelLoader;
import org.melodypalette.app.workbench.transfer.MidiTransfer;
import org.melodypalette.app.workbench.task.DirectTaskRunner;
import org.melodypalette.app.workbench.testing.FakeMelodyGenerator;
import org.melodypalette.app.workbench.testing.MidiFixtures;
import org.melodypalette.midi.MidiFiles;
import org.melodypalette.midi.MidiSong;
import org.melodypalette.midi.MidiTrack;
import org.melodypalette.music.Melody;
import org.melodypalette.music.Note;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole round trip a composer makes, driven through the real window: draw, undo, import a MIDI
 * fixture through the import dialog, interpolate, move the slider, export, and read the exported
 * file back. The model here is a stand-in; {@code RealModelUiTest} repeats the model steps with the
 * real checkpoint.
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchEndToEndUiTest {

    @TempDir
    static Path dir;

    private Workbench workbench;
    private WorkbenchView view;

    /** The model the window uses. */
    ModelLoader loader() {
        return checkpoint -> new FakeMelodyGenerator();
    }

    @Start
    void start(Stage stage) {
        workbench = new Workbench(new Workbench.Dependencies(new DirectTaskRunner(), loader(), Playback.open(), dir, 50));
        view = WorkbenchView.show(workbench, stage, 1200, 800);
        workbench.start(new WorkbenchOptions(dir.resolve("model"), null, dir.resolve("autosave-e2e.json")));
    }

    private Point2D cell(int step, int pitch) {
        RollGeometry g = view.editorPane().roll().geometry();
        double[] xy = g.centreOf(step, pitch);
        return view.editorPane().roll().gridCanvas().localToScreen(xy[0], xy[1]);
    }

    @Test
    void drawUndoImportInterpolateSlideAndExport(FxRobot robot) throws IOException, TimeoutException {
        assertThat(workbench.session().hasModel()).isTrue();
        robot.interact(() -> view.editorPane().roll().centreOnPitch(64));
        robot.moveTo(cell(0, 64)).press(MouseButton.PRIMARY).moveTo(cell(3, 64)).release(MouseButton.PRIMARY);
        assertThat(workbench.editor().getMelody().notes()).containsExactly(Note.of(64, 0, 4));
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        assertThat(workbench.editor().getMelody().notes()).isEmpty();

        Path fixture = MidiFixtures.twoTrackSong(dir.resolve("fixture.mid"));
        Platform.runLater(() -> view.transfer().importMidi(fixture));
        WaitForAsyncUtils.waitForFxEvents();
        ComboBox<MidiTrack> track = robot.lookup("#importTrack").queryComboBox();
        assertThat(track.getValue().name()).as("the melody-like track is suggested").isEqualTo("Lead");
        Spinner<Integer> startBar = robot.lookup("#importStartBar").query();
        robot.interact(() -> startBar.getValueFactory().setValue(2));
        robot.clickOn("OK");

        Melody imported = workbench.editor().getMelody();
        assertThat(imported.notes()).extracting(Note::pitch)
                .startsWith(MidiFixtures.leadPitch(1, 0), MidiFixtures.leadPitch(1, 1));
        assertThat(imported.lengthSteps()).isEqualTo(32);
        assertThat(workbench.transport().tempoProperty().get()).isEqualTo(MidiFixtures.QPM);

        robot.clickOn("#toSlotA");
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.press(KeyCode.SHIFT, KeyCode.UP).release(KeyCode.UP, KeyCode.SHIFT);
        robot.clickOn("#toSlotB");
        robot.clickOn("#interpolateButton");
        List<Melody> strip = view.interpolationPane().stripMelodies();
        assertThat(strip).hasSize(7);

        robot.drag("#interpolationSlider .thumb", MouseButton.PRIMARY).moveBy(120, 0).drop();
        // The melody of the position where the drag ended, not one decoded on the way there.
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !workbench.interpolation().sliderBusyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(workbench.interpolation().positionProperty().get()).isGreaterThan(0.7);
        Melody slid = workbench.interpolation().sliderMelodyProperty().get();
        assertThat(slid).isNotNull();

        Path exported = dir.resolve("slider.mid");
        robot.interact(() -> assertThat(view.transfer().exportTo(exported, slid)).isTrue());
        MidiSong song = MidiFiles.read(exported);
        assertThat(song.firstTempo().qpm()).isEqualTo(MidiFixtures.QPM);
        Melody back = view.transfer().midi().extract(song, new MidiTransfer.ImportChoice(1, 0, slid.bars(), false))
                .melody();
        assertThat(back.notes()).isEqualTo(slid.notes());
    }

    @Test
    void aClipDraggedOutOfTheWindowIsAMidiFile(FxRobot robot) throws IOException {
        Melody clip = Melody.of(workbench.editor().getMelody().grid(), 32, List.of(Note.of(67, 4, 12)));
        robot.interact(() -> workbench.editor().replaceMelody(clip));

        Path file = view.transfer().dragFile(workbench.editor().getMelody());

        assertThat(file.getFileName().toString()).endsWith(".mid");
        MidiSong song = MidiFiles.read(file);
        assertThat(song.tracks().get(1).name()).isEqualTo(MidiTransfer.TRACK_NAME);
        assertThat(view.transfer().midi().extract(song, new MidiTransfer.ImportChoice(1, 0, 2, false)).melody().notes())
                .containsExactly(Note.of(67, 4, 12));
    }
}
