package org.melodypalette.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.ShortMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.melodypalette.app.workbench.model.ModelLoader;
import org.melodypalette.app.workbench.task.DirectTaskRunner;
import org.melodypalette.app.workbench.testing.LoopbackMidiDevice;
import org.melodypalette.music.Melody;
import org.melodypalette.music.Note;
import org.melodypalette.music.TimeGrid;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Live MIDI through the real window: the Live menu says when there is no device; with a loopback
 * device of our own as the keyboard, Record, a take of note messages with time stamps, and Stop put
 * the notes into the clip on its grid (count-in skipped, late and early notes rounded to the step,
 * a note past the clip's end wrapped round); Undo brings the old clip back.
 */
@ExtendWith(ApplicationExtension.class)
class LiveMidiUiTest {

    private static final Path BUNDLED = Path.of("..").toAbsolutePath().normalize().resolve("checkpoints/mel_2bar");
    /** 120 qpm, 16ths: a step is 125 ms. */
    private static final long STEP = 125_000;

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

    private Menu liveMenu(String id) {
        MenuBar bar = (MenuBar) view.getTop();
        Menu live = bar.getMenus().stream().filter(m -> "liveMenu".equals(m.getId())).findFirst().orElseThrow();
        live.getOnShowing().handle(null);
        return (Menu) live.getItems().stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
    }

    private static List<String> texts(Menu menu) {
        return menu.getItems().stream().map(MenuItem::getText).toList();
    }

    @Test
    void withoutDevicesTheMenusSaySoAndRecordIsAMessage(FxRobot robot) {
        robot.interact(() -> workbench.live().useDevices(List::of));
        robot.interact(() -> {
            assertThat(texts(liveMenu("liveInputs"))).containsExactly(
                    "(no MIDI input found: connect a keyboard and open this menu again)");
            assertThat(texts(liveMenu("liveOutputs"))).containsExactly("Software synthesizer (default)",
                    "(no MIDI output device found)");
        });
        Melody before = workbench.editor().getMelody();
        robot.clickOn("#recordButton");
        assertThat(workbench.status().getMessage())
                .isEqualTo("No MIDI input is connected: plug in a keyboard, then Live ▸ MIDI input");
        assertThat(workbench.editor().getMelody()).isEqualTo(before);
    }

    @Test
    void notesPlayedOnTheInputAreQuantisedIntoTheClip(FxRobot robot) throws InvalidMidiDataException {
        LoopbackMidiDevice keyboard = new LoopbackMidiDevice("Test keyboard");
        Melody before = Melody.of(TimeGrid.SIXTEENTHS_4_4, 32, List.of(Note.of(50, 0, 2)));
        robot.interact(() -> {
            workbench.editor().replaceMelody(before);
            workbench.transport().tempoProperty().set(120);
            workbench.live().useDevices(() -> List.of(keyboard));
        });
        robot.interact(() -> {
            Menu inputs = liveMenu("liveInputs");
            assertThat(texts(inputs)).containsExactly("Test keyboard (Melody Palette tests)");
            inputs.getItems().get(0).fire();
        });
        assertThat(workbench.live().inputProperty().get()).isSameAs(keyboard);

        keyboard.setClockMicros(1_000_000);
        robot.clickOn("#recordButton");
        assertThat(workbench.live().recordingProperty().get()).isTrue();
        long origin = 1_000_000 + 16 * STEP; // after the one-bar count-in
        keyboard.play(ShortMessage.NOTE_ON, 72, 90, origin - 30 * STEP / 100 - 8 * STEP); // in the count-in: dropped
        keyboard.play(ShortMessage.NOTE_OFF, 72, 0, origin - 6 * STEP);
        keyboard.play(ShortMessage.NOTE_ON, 60, 100, origin + 10_000); // a little late
        keyboard.play(ShortMessage.NOTE_ON, 60, 0, origin + 4 * STEP - 20_000);
        keyboard.play(ShortMessage.NOTE_ON, 64, 80, origin + 4 * STEP - 30_000); // a little early
        keyboard.play(ShortMessage.NOTE_OFF, 64, 0, origin + 8 * STEP);
        keyboard.play(ShortMessage.NOTE_ON, 67, 70, origin + 8 * STEP + 5_000);
        keyboard.play(ShortMessage.NOTE_OFF, 67, 0, origin + 12 * STEP);
        keyboard.play(ShortMessage.NOTE_ON, 71, 110, origin + 44 * STEP); // past the 32 steps: wraps to 12
        keyboard.play(ShortMessage.NOTE_OFF, 71, 0, origin + 46 * STEP);
        keyboard.setClockMicros(origin + 50 * STEP);
        robot.clickOn("#recordButton");

        assertThat(workbench.live().recordingProperty().get()).isFalse();
        Melody recorded = workbench.editor().getMelody();
        assertThat(recorded.lengthSteps()).isEqualTo(32);
        assertThat(recorded.notes()).containsExactly(new Note(60, 100, 0, 4), new Note(64, 80, 4, 8),
                new Note(67, 70, 8, 12), new Note(71, 110, 12, 14));
        assertThat(workbench.status().getMessage()).isEqualTo("Recorded 4 notes into the clip (Undo brings the old one back)");
        robot.interact(() -> workbench.editor().undo());
        assertThat(workbench.editor().getMelody().notes()).isEqualTo(before.notes());
    }

    @Test
    void whatPlaysGoesToTheChosenMidiOutput(FxRobot robot) throws java.util.concurrent.TimeoutException {
        LoopbackMidiDevice daw = new LoopbackMidiDevice("Test DAW port");
        Melody clip = Melody.of(TimeGrid.SIXTEENTHS_4_4, 32, List.of(Note.of(61, 0, 4), Note.of(63, 4, 8)));
        robot.interact(() -> {
            workbench.editor().replaceMelody(clip);
            workbench.live().useDevices(() -> List.of(daw));
        });
        robot.interact(() -> {
            Menu outputs = liveMenu("liveOutputs");
            assertThat(texts(outputs)).containsExactly("Software synthesizer (default)", "Test DAW port (Melody Palette tests)");
            outputs.getItems().get(1).fire();
        });
        assertThat(workbench.live().outputProperty().get()).isSameAs(daw);

        robot.clickOn("#lanePlayAll"); // an empty lane: a message, nothing plays
        robot.interact(() -> workbench.lane().append(clip));
        robot.clickOn("#lanePlayAll");
        // Real time: the sequencer sends the first note on within a beat; wait for it, no time is asserted.
        org.testfx.util.WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS, () -> daw.received().stream()
                .anyMatch(m -> m instanceof ShortMessage sm && sm.getCommand() == ShortMessage.NOTE_ON
                        && sm.getData1() == 61 && sm.getData2() > 0));
        robot.clickOn("#lanePlayAll");
        assertThat(workbench.transport().playingProperty().get()).isFalse();
    }
}
