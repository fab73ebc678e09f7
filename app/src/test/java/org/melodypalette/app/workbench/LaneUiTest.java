package org.melodypalette.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.melodypalette.app.workbench.clip.ClipCard;
import org.melodypalette.app.workbench.lane.LaneViewModel;
import org.melodypalette.app.workbench.project.ProjectFiles;
import org.melodypalette.app.workbench.transfer.MidiTransfer;
import org.melodypalette.app.workbench.task.DirectTaskRunner;
import org.melodypalette.app.workbench.testing.FileDrop;
import org.melodypalette.app.workbench.testing.MidiFixtures;
import org.melodypalette.midi.MidiFiles;
import org.melodypalette.midi.MidiSong;
import org.melodypalette.music.Melody;
import org.melodypalette.music.Note;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The arrangement lane driven through the real window with the bundled model
 * ({@code checkpoints/mel_2bar}): clips added from the editor and the interpolation strip, a MIDI
 * file dropped on the lane, a block dragged to reorder, undo and redo, looped playback, export as
 * MIDI (read back with our reader) and WAV, and the lane in the saved project.
 */
@ExtendWith(ApplicationExtension.class)
class LaneUiTest {

    private static final Path BUNDLED = Path.of("..").toAbsolutePath().normalize().resolve("checkpoints/mel_2bar");

    @TempDir
    static Path dir;

    private Workbench workbench;
    private WorkbenchView view;

    @Start
    void start(Stage stage) {
        TestWindow window = TestWindow.open(stage, new DirectTaskRunner(), Models::open, dir, BUNDLED);
        workbench = window.workbench();
        view = window.view();
    }

    private static Melody clip(int... pitches) {
        List<Note> notes = new java.util.ArrayList<>();
        for (int i = 0; i < pitches.length; i++) {
            notes.add(Note.of(pitches[i], i * 4, i * 4 + 3));
        }
        return Melody.of(org.melodypalette.music.TimeGrid.SIXTEENTHS_4_4.withTempo(100), 32, notes);
    }

    /** The lane's clips by their notes (a clip joins the lane at the tempo playing then). */
    private List<List<Note>> laneNotes() {
        return laneClips().stream().map(Melody::notes).toList();
    }

    private static List<Note>[] notes(Melody... melodies) {
        @SuppressWarnings("unchecked")
        List<Note>[] out = new List[melodies.length];
        for (int i = 0; i < melodies.length; i++) {
            out[i] = melodies[i].notes();
        }
        return out;
    }

    private List<Melody> laneClips() {
        return workbench.lane().getArrangement().clips();
    }

    @Test
    void addDropReorderUndoPlayAndExportTheLane(FxRobot robot) throws IOException {
        assertThat(workbench.session().hasModel()).isTrue();
        Melody first = clip(60, 62, 64, 65);
        Melody second = clip(72, 71, 69, 67, 65);
        robot.interact(() -> workbench.editor().replaceMelody(first));
        robot.interact(() -> workbench.transport().tempoProperty().set(100));
        robot.clickOn("#toLane");
        robot.clickOn("#toSlotA");
        robot.interact(() -> workbench.editor().replaceMelody(second));
        robot.clickOn("#toSlotB");
        robot.clickOn("#interpolateButton");
        List<Melody> strip = view.interpolationPane().stripMelodies();
        assertThat(strip).hasSize(7);
        ClipCard step3 = robot.lookup(".clip-card").queryAllAs(ClipCard.class).stream()
                .filter(card -> card.melody() == strip.get(3)).findFirst().orElseThrow();
        robot.clickOn((Node) step3.lookup(".to-lane"));
        assertThat(laneNotes()).containsExactly(notes(first, strip.get(3)));

        Path dropped = MidiFixtures.twoTrackSong(dir.resolve("dropped.mid"));
        robot.interact(() -> FileDrop.dropOn(view.lanePane().getChildren().get(1), List.of(dropped.toFile())));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(laneClips()).hasSize(3);
        Melody fromFile = laneClips().get(0);
        assertThat(fromFile.notes()).as("the file lands where it is dropped: the lane's start").isNotEmpty();
        assertThat(laneNotes()).containsExactly(notes(fromFile, first, strip.get(3)));

        // Drag the editor's clip past the strip step: it goes last.
        robot.drag(view.lanePane().block(1)).moveBy(LanePaneGeometry.BAR * 3, 0).drop();
        assertThat(laneNotes()).containsExactly(notes(fromFile, strip.get(3), first));
        robot.clickOn("#laneUndo");
        assertThat(laneNotes()).containsExactly(notes(fromFile, first, strip.get(3)));
        robot.clickOn("#laneRedo");
        assertThat(laneNotes()).containsExactly(notes(fromFile, strip.get(3), first));

        robot.clickOn(view.lanePane().block(2));
        robot.clickOn("#laneRepeat");
        assertThat(laneNotes()).containsExactly(notes(fromFile, strip.get(3), first, first));
        robot.clickOn("#laneRemove");
        assertThat(laneNotes()).containsExactly(notes(fromFile, strip.get(3), first));
        robot.clickOn("#laneUndo");
        assertThat(laneNotes()).containsExactly(notes(fromFile, strip.get(3), first, first));

        robot.clickOn("#lanePlayAll");
        assertThat(workbench.transport().playingProperty().get()).isTrue();
        assertThat(workbench.transport().sourceProperty().get()).isEqualTo(LaneViewModel.LANE_SOURCE);
        assertThat(workbench.status().errorProperty().get()).isFalse();
        robot.clickOn("#lanePlayAll");
        assertThat(workbench.transport().playingProperty().get()).isFalse();

        Melody whole = workbench.lane().whole();
        int bars = workbench.lane().getArrangement().bars();
        assertThat(bars).isEqualTo(2 + 2 + 2 + fromFile.bars());
        Path mid = dir.resolve("lane.mid");
        robot.interact(() -> assertThat(view.transfer().exportTo(mid, whole)).isTrue());
        // Kept for a second MIDI reader (docs/measurements/lane-export-mido.txt).
        Files.copy(mid, Path.of("target", "lane-export.mid"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        MidiSong song = MidiFiles.read(mid);
        assertThat(song.format()).isEqualTo(1);
        assertThat(song.ticksPerQuarter()).isEqualTo(480);
        assertThat(song.firstTempo().qpm()).isEqualTo(100);
        assertThat(song.firstTempo().tick()).isZero();
        assertThat(song.tracks().stream().filter(t -> !t.notes().isEmpty()).count()).as("one note track").isEqualTo(1);
        long ticksPerBar = 480L * 4;
        assertThat(song.endTick() / ticksPerBar).as("bars in the file").isEqualTo(bars);
        Melody back = view.transfer().midi().extract(song, new MidiTransfer.ImportChoice(1, 0, bars, false)).melody();
        assertThat(back.notes()).isEqualTo(whole.notes());
        assertThat(back.notes()).hasSize(laneClips().stream().mapToInt(m -> m.notes().size()).sum());

        Path wav = dir.resolve("lane.wav");
        robot.interact(() -> view.transfer().exportAudioTo(wav, whole));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(workbench.status().errorProperty().get()).as(workbench.status().getMessage()).isFalse();
        assertThat(Files.size(wav)).isGreaterThan(44L + 44_100 * 4 * 8);

        Path project = dir.resolve("with-lane.json");
        robot.interact(() -> workbench.saveProject(project));
        assertThat(ProjectFiles.read(project).lane()).isEqualTo(laneClips());
        Path old = dir.resolve("old.json");
        String json = Files.readString(project);
        Files.writeString(old, json.substring(0, json.lastIndexOf(",\n  \"lane\"")) + "\n}");
        assertThat(Files.readString(old)).doesNotContain("\"lane\"");
        robot.interact(() -> workbench.openProject(old));
        assertThat(workbench.status().errorProperty().get()).as(workbench.status().getMessage()).isFalse();
        assertThat(laneClips()).isEmpty();
        robot.interact(() -> workbench.openProject(project));
        assertThat(laneClips()).hasSize(4);
    }

    /** The lane's bar width, for drags. */
    private static final class LanePaneGeometry {
        static final double BAR = org.melodypalette.app.workbench.lane.LanePane.BAR_WIDTH;
    }
}
