package org.melodypalette.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.melodypalette.app.workbench.audio.Playback;
import org.melodypalette.app.workbench.task.DirectTaskRunner;
import org.melodypalette.app.workbench.testing.FakeMelodyGenerator;
import org.melodypalette.app.workbench.testing.FileDrop;
import org.melodypalette.app.workbench.testing.MidiFixtures;
import org.melodypalette.music.Melody;
import org.melodypalette.music.Note;
import org.melodypalette.music.TimeGrid;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The small things a new user hit, in the real window: undoing an import brings the old tempo
 * back, Duplicate says why it copied nothing, both Redo shortcuts are enabled together, the Bars box
 * shows a 2/4 import's length, attribute moves have readable names and keep the samples, and the
 * model is named by what it writes and what it was trained on.
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchMessagesUiTest {

    @TempDir
    static Path dir;

    private final FakeMelodyGenerator generator = new FakeMelodyGenerator();
    private Workbench workbench;
    private WorkbenchView view;

    @Start
    void start(Stage stage) throws IOException {
        Path model = Files.createDirectories(dir.resolve("checkpoints").resolve("mel_2bar"));
        Files.writeString(model.resolve("config.json"), "{\"name\": \"mel_2bar_cpu\", \"numSteps\": 32, \"stepsPerBar\": 16}");
        Files.writeString(model.resolve("MODEL_CARD.md"), "# mel_2bar\n\n## Data\n\nTrained on: pop and Irish tunes\n");
        workbench = new Workbench(new Workbench.Dependencies(new DirectTaskRunner(), checkpoint -> generator,
                Playback.open(), dir, 50));
        view = WorkbenchView.show(workbench, stage, 1200, 800);
        workbench.start(new WorkbenchOptions(model, null, dir.resolve("autosave-" + System.nanoTime() + ".json")));
    }

    private String status(FxRobot robot) {
        return robot.lookup("#statusMessage").queryAs(Label.class).getText();
    }

    private void shortcut(FxRobot robot, KeyCode... keys) {
        robot.press(keys);
        for (int i = keys.length - 1; i >= 0; i--) {
            robot.release(keys[i]);
        }
    }

    private void importByDrop(FxRobot robot, Path file) {
        robot.interact(() -> FileDrop.dropOn(view, List.of(file.toFile())));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("OK");
    }

    private MenuItem editItem(String id) {
        return ((MenuBar) view.getTop()).getMenus().stream().filter(m -> m.getText().equals("Edit"))
                .flatMap(m -> m.getItems().stream()).filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
    }

    @Test
    void undoingAnImportBringsBackTheTempoItReplaced(FxRobot robot) throws IOException {
        assertThat(workbench.transport().tempoProperty().get()).isEqualTo(120);
        importByDrop(robot, MidiFixtures.twoTrackSong(dir.resolve("song.mid")));
        assertThat(workbench.transport().tempoProperty().get()).isEqualTo(MidiFixtures.QPM);

        shortcut(robot, KeyCode.CONTROL, KeyCode.Z);

        assertThat(workbench.editor().getMelody().notes()).isEmpty();
        assertThat(workbench.transport().tempoProperty().get()).isEqualTo(120);
        shortcut(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z);
        assertThat(workbench.transport().tempoProperty().get()).isEqualTo(MidiFixtures.QPM);
    }

    @Test
    void selectAllThenDuplicateOnAFullClipSaysWhyNothingWasCopied(FxRobot robot) {
        Melody full = new Melody(TimeGrid.SIXTEENTHS_4_4, 32, List.of(Note.of(60, 0, 8), Note.of(62, 16, 32)));
        robot.interact(() -> workbench.editor().replaceMelody(full));

        shortcut(robot, KeyCode.CONTROL, KeyCode.D);
        assertThat(status(robot)).startsWith("Nothing is selected to duplicate");

        shortcut(robot, KeyCode.CONTROL, KeyCode.A);
        shortcut(robot, KeyCode.CONTROL, KeyCode.D);
        assertThat(status(robot)).isEqualTo("No room to duplicate: the copy would start after the end of the 2-bar"
                + " clip. Make the clip longer (Bars) or select fewer notes");
        assertThat(workbench.editor().getMelody()).isEqualTo(full);

        robot.interact(() -> workbench.editor().setBars(16));
        shortcut(robot, KeyCode.CONTROL, KeyCode.A);
        shortcut(robot, KeyCode.CONTROL, KeyCode.D);
        assertThat(status(robot)).isEqualTo("Duplicated 2 notes");
        assertThat(workbench.editor().getMelody().notes()).hasSize(4);
    }

    @Test
    void bothRedoShortcutsAreEnabledAndDisabledTogether(FxRobot robot) {
        MenuItem redo = editItem("redoItem");
        MenuItem redoY = editItem("redoAlternativeItem");
        assertThat(List.of(redo.isDisable(), redoY.isDisable())).containsExactly(true, true);

        robot.interact(() -> workbench.editor().replaceMelody(
                new Melody(TimeGrid.SIXTEENTHS_4_4, 32, List.of(Note.of(60, 0, 8)))));
        shortcut(robot, KeyCode.CONTROL, KeyCode.Z);
        assertThat(List.of(redo.isDisable(), redoY.isDisable())).containsExactly(false, false);

        shortcut(robot, KeyCode.CONTROL, KeyCode.Y);
        assertThat(workbench.editor().getMelody().notes()).hasSize(1);
        assertThat(List.of(redo.isDisable(), redoY.isDisable())).containsExactly(true, true);
    }

    @Test
    void theBarsBoxShowsTheLengthOfATwoFourImport(FxRobot robot) throws IOException {
        importByDrop(robot, twoFourTune(dir.resolve("two-four.mid")));

        Melody imported = workbench.editor().getMelody();
        assertThat(imported.grid().beatsPerBar()).isEqualTo(2);
        ComboBox<Integer> bars = robot.lookup("#barsChoice").queryComboBox();
        assertThat(bars.getValue()).isNotNull().isEqualTo(imported.bars());
        assertThat(bars.getItems()).contains(2, 16, imported.bars());
    }

    @Test
    void attributeSlidersHaveReadableNamesAndApplyKeepsTheSamples(FxRobot robot) {
        robot.interact(() -> workbench.editor().replaceMelody(
                new Melody(TimeGrid.SIXTEENTHS_4_4, 32, List.of(Note.of(60, 0, 8), Note.of(64, 8, 16)))));
        robot.clickOn("#tabGenerate");
        robot.clickOn("#sampleButton");
        List<Melody> samples = workbench.generate().resultsProperty().get();
        assertThat(samples).hasSize(4);
        assertThat(robot.lookup("#attribute-pitch_height").queryAs(Label.class).getText()).isEqualTo("Pitch height");
        assertThat(robot.lookup("#apply-pitch_height").queryButton().getText()).isEqualTo("Apply to clip");

        robot.clickOn("#apply-pitch_height");

        List<Melody> results = workbench.generate().resultsProperty().get();
        assertThat(results).hasSize(5);
        assertThat(results.subList(1, 5)).isEqualTo(samples);
        assertThat(workbench.generate().captionsProperty().get().get(0)).isEqualTo("Pitch height +0.0");
        assertThat(robot.lookup("#generateResults .clip-caption").queryAs(Label.class).getText())
                .isEqualTo("Pitch height +0.0");
        assertThat(status(robot)).startsWith("The editor's clip with Pitch height +0.0 is the first result; the others stay");
    }

    @Test
    void theModelIsNamedByWhatItWritesAndWhatItWasTrainedOn(FxRobot robot) {
        assertThat(robot.lookup("#statusModel").queryAs(Label.class).getText())
                .isEqualTo("Model: 2-bar melodies · trained on pop and Irish tunes");
        robot.clickOn("#tabModel");
        assertThat(robot.lookup("#modelHeadline").queryAs(Label.class).getText())
                .isEqualTo("2-bar melodies · trained on pop and Irish tunes");
        ListCell<?> first = robot.lookup("#modelList .list-cell").queryAs(ListCell.class);
        assertThat(first.getText()).isEqualTo("mel_2bar — 2-bar melodies · trained on pop and Irish tunes");
    }

    /** Four bars of 2/4 at 100 qpm, two quarter notes a bar. */
    private static Path twoFourTune(Path file) throws IOException {
        try {
            int ppq = 480;
            Sequence sequence = new Sequence(Sequence.PPQ, ppq);
            Track track = sequence.createTrack();
            int micros = 600_000;
            track.add(new MidiEvent(new MetaMessage(0x51,
                    new byte[] {(byte) (micros >> 16), (byte) (micros >> 8), (byte) micros}, 3), 0));
            track.add(new MidiEvent(new MetaMessage(0x58, new byte[] {2, 2, 24, 8}, 4), 0));
            for (int q = 0; q < 8; q++) {
                track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, 0, 60 + q, 90), (long) q * ppq));
                track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, 0, 60 + q, 0), (long) (q + 1) * ppq - 20));
            }
            MidiSystem.write(sequence, 1, file.toFile());
            return file;
        } catch (InvalidMidiDataException e) {
            throw new IllegalStateException(e);
        }
    }
}
