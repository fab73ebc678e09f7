package org.melodypalette.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
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

/**
 * Clips and models of different lengths in the real window: a 2-bar clip given to a 16-bar model
 * is repeated to fill it, a 16-bar clip given to a 2-bar model keeps its first bars, and each slot
 * says so before and after Interpolate; results made with one model are marked after a switch.
 */
@ExtendWith(ApplicationExtension.class)
class ModelLengthUiTest {

    @TempDir
    static Path dir;

    private final FakeMelodyGenerator twoBar = FakeMelodyGenerator.withBars("fake-2bar", 2);
    private final FakeMelodyGenerator sixteenBar = FakeMelodyGenerator.withBars("fake-16bar", 16);
    private Workbench workbench;

    @Start
    void start(Stage stage) {
        workbench = new Workbench(new Workbench.Dependencies(new DirectTaskRunner(),
                checkpoint -> checkpoint.getFileName().toString().contains("16") ? sixteenBar : twoBar,
                Playback.open(), dir, 50));
        WorkbenchView.show(workbench, stage, 1200, 800);
        workbench.start(new WorkbenchOptions(dir.resolve("model-2bar"), null,
                dir.resolve("autosave-" + System.nanoTime() + ".json")));
    }

    /** Puts a clip of {@code bars} bars with one note per bar (pitch {@code base} + bar) in a slot. */
    private void toSlot(FxRobot robot, String button, int bars, int base) {
        List<Note> notes = new ArrayList<>();
        for (int bar = 0; bar < bars; bar++) {
            notes.add(Note.of(base + bar % 12, bar * 16, bar * 16 + 4));
        }
        Melody clip = new Melody(TimeGrid.SIXTEENTHS_4_4, bars * 16, notes);
        robot.interact(() -> workbench.editor().replaceMelody(clip));
        robot.clickOn(button);
    }

    private String slotNote(FxRobot robot, String slot) {
        return robot.lookup(slot + " .fit-note").queryAs(Label.class).getText();
    }

    private String status(FxRobot robot) {
        return robot.lookup("#statusMessage").queryAs(Label.class).getText();
    }

    @Test
    void twoBarSlotsAreRepeatedToFillTheSixteenBarModelAndTheSlotsSaySo(FxRobot robot) {
        toSlot(robot, "#toSlotA", 2, 60);
        toSlot(robot, "#toSlotB", 2, 72);
        assertThat(slotNote(robot, "#slotA")).as("the 2-bar model reads 2-bar clips as they are").isEmpty();

        robot.interact(() -> workbench.openModel(dir.resolve("model-16bar")));
        assertThat(slotNote(robot, "#slotA")).isEqualTo("A (2 bars) repeated 8× to fill the 16-bar model");

        robot.clickOn("#interpolateButton");

        assertThat(sixteenBar.lastEncoded).hasSize(2).allSatisfy(m -> {
            assertThat(m.lengthSteps()).isEqualTo(256);
            assertThat(m.notes()).as("every bar has its note, not one note and 14 silent bars").hasSize(16);
        });
        assertThat(status(robot)).contains("A (2 bars) repeated 8×").contains("B (2 bars) repeated 8×");
        assertThat(workbench.interpolation().stripProperty().get()).allSatisfy(m -> assertThat(m.bars()).isEqualTo(16));
        assertThat(robot.lookup("#interpolationStrip .clip-length").queryAs(Label.class).getText())
                .startsWith("16 bars");
    }

    @Test
    void aSixteenBarSlotGivenToTheTwoBarModelSaysWhichBarsItUses(FxRobot robot) {
        toSlot(robot, "#toSlotA", 2, 60);
        toSlot(robot, "#toSlotB", 16, 72);
        assertThat(slotNote(robot, "#slotB")).isEqualTo("B uses bars 1–2 of 16 (the model reads 2 bars)");

        robot.clickOn("#interpolateButton");

        assertThat(twoBar.lastEncoded.get(1).lengthSteps()).isEqualTo(32);
        assertThat(twoBar.lastEncoded.get(1).notes()).extracting(Note::pitch).containsExactly(72, 73);
        assertThat(status(robot)).contains("B uses bars 1–2 of 16");
    }

    @Test
    void aSlotWithoutNotesIsRefusedWithAMessage(FxRobot robot) {
        toSlot(robot, "#toSlotA", 2, 60);
        robot.interact(() -> workbench.editor().replaceMelody(Melody.silent(TimeGrid.SIXTEENTHS_4_4, 32)));
        robot.clickOn("#toSlotB");
        int encodes = twoBar.encodeCalls.get();

        robot.clickOn("#interpolateButton");

        assertThat(status(robot)).isEqualTo("Cannot interpolate: B has no notes: draw, import or sample some first");
        assertThat(twoBar.encodeCalls.get()).isEqualTo(encodes);
    }

    @Test
    void resultsMadeWithTheOldModelAreMarkedAfterASwitchUntilRedone(FxRobot robot) {
        toSlot(robot, "#toSlotA", 2, 60);
        toSlot(robot, "#toSlotB", 2, 72);
        robot.clickOn("#interpolateButton");
        Label stale = robot.lookup("#stripStale").queryAs(Label.class);
        assertThat(stale.isVisible()).isFalse();

        robot.interact(() -> workbench.openModel(dir.resolve("model-16bar")));

        assertThat(stale.isVisible()).isTrue();
        assertThat(stale.getText()).isEqualTo(
                "Made with model-2bar (2 bars), not the model open now: press Interpolate to redo them");
        assertThat(robot.lookup("#interpolationStrip").query().getPseudoClassStates())
                .extracting(Object::toString).contains("stale");

        robot.clickOn("#interpolateButton");
        assertThat(stale.isVisible()).isFalse();
    }
}
