package org.melodypalette.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.melodypalette.app.cli.TinyDataset;
import org.melodypalette.app.workbench.audio.Playback;
import org.melodypalette.app.workbench.clip.ClipCard;
import org.melodypalette.app.workbench.continuation.Continuation;
import org.melodypalette.app.workbench.editor.MusicalKey;
import org.melodypalette.app.workbench.editor.Scale;
import org.melodypalette.app.workbench.model.ContinuationSession;
import org.melodypalette.app.workbench.task.DirectTaskRunner;
import org.melodypalette.app.workbench.testing.FakeMelodyGenerator;
import org.melodypalette.model.api.ContinuationOptions;
import org.melodypalette.model.api.TrainingListener;
import org.melodypalette.model.api.TrainingOptions;
import org.melodypalette.model.service.MelodyContinuer;
import org.melodypalette.model.service.TrainingRun;
import org.melodypalette.music.Melody;
import org.melodypalette.music.Note;
import org.melodypalette.music.TimeGrid;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Continue tab driven through the real window with a continuation model of our own
 * ({@code continue_tiny} trained for 30 steps on generated 2-bar windows, in a temporary folder):
 * K distinct candidates that start exactly with the clip, taking one into the clip, slot A and the
 * lane, snap-to-scale, and the sentence shown when no continuation model is installed. The MusicVAE
 * side is the tests' stand-in generator; it plays no part here.
 */
@ExtendWith(ApplicationExtension.class)
class ContinuationUiTest {

    /** Two bars of 16ths: C D E F G, the last note ending before the bar line. */
    private static final Melody CLIP = Melody.of(TimeGrid.SIXTEENTHS_4_4, 32, List.of(Note.of(60, 0, 4),
            Note.of(62, 4, 8), Note.of(64, 8, 14), Note.of(65, 16, 20), Note.of(67, 20, 30)));

    @TempDir
    static Path dir;
    static Path model;

    private Workbench workbench;
    private WorkbenchView view;

    @BeforeAll
    static void trainATinyContinuationModel() throws IOException {
        Path data = TinyDataset.writeSixteenths(dir.resolve("windows.mpwin"), 3);
        model = dir.resolve("continue");
        TrainingRun.run(new TrainingOptions("continue_tiny", null, data, model, 30, 30, 30, 0, 0, false, 1, null),
                new TrainingListener() { });
    }

    @Start
    void start(Stage stage) {
        TestWindow window = TestWindow.open(stage, new DirectTaskRunner(), checkpoint -> new FakeMelodyGenerator(),
                dir.resolve("home"), dir.resolve("vae"));
        workbench = window.workbench();
        view = window.view();
    }

    /** Opens the tiny model, puts {@link #CLIP} in the editor and shows the Continue tab. */
    private void prepare(FxRobot robot) {
        robot.interact(() -> {
            workbench.continuation().session().open(model, () -> { });
            workbench.editor().replaceMelody(CLIP);
            view.tabs().getSelectionModel().select(view.tabs().getTabs().stream()
                    .filter(t -> "tabContinue".equals(t.getId())).findFirst().orElseThrow());
        });
    }

    private List<Continuation> candidates() {
        return workbench.continuation().candidatesProperty().get();
    }

    private static List<Note> notesBefore(Melody melody, int step) {
        return melody.notes().stream().filter(n -> n.startStep() < step).toList();
    }

    private static List<Note> notesFrom(Melody melody, int step) {
        return melody.notes().stream().filter(n -> n.startStep() >= step).toList();
    }

    private static Button button(ClipCard card, String text) {
        return card.lookupAll(".small-button").stream().map(Button.class::cast)
                .filter(b -> b.getText().equals(text)).findFirst().orElseThrow();
    }

    @Test
    void withoutAContinuationModelTheToolSaysSoInOneSentence(FxRobot robot) {
        robot.interact(() -> view.tabs().getSelectionModel().select(view.tabs().getTabs().stream()
                .filter(t -> "tabContinue".equals(t.getId())).findFirst().orElseThrow()));

        assertThat(robot.lookup("#continuationModel").queryLabeled().getText())
                .isEqualTo(ContinuationSession.NOT_INSTALLED);
        robot.clickOn("#continueButton");
        assertThat(workbench.status().errorProperty().get()).isTrue();
        assertThat(workbench.status().getMessage()).contains(ContinuationSession.NOT_INSTALLED);
        assertThat(candidates()).isEmpty();
        assertThat(view.continuationPane().cards()).isEmpty();
    }

    @Test
    void continueGivesKDistinctCandidatesThatStartExactlyWithTheClip(FxRobot robot) throws IOException {
        prepare(robot);
        robot.interact(() -> {
            workbench.continuation().countProperty().set(3);
            workbench.continuation().temperatureProperty().set(1.5);
            workbench.continuation().topPProperty().set(1.0);
            workbench.continuation().seedProperty().set(7);
        });
        robot.clickOn("#continueBars2");
        robot.clickOn("#continueButton");

        assertThat(workbench.status().errorProperty().get()).as(workbench.status().getMessage()).isFalse();
        assertThat(view.continuationPane().cards()).hasSize(3);
        Set<Melody> distinct = new HashSet<>();
        for (Continuation candidate : candidates()) {
            Melody whole = candidate.whole();
            assertThat(whole.lengthSteps()).isEqualTo(64);
            assertThat(notesBefore(whole, 32)).containsExactlyElementsOf(CLIP.notes());
            distinct.add(whole);
        }
        assertThat(distinct).hasSize(3);
        // The new bars are the model's own for this seed (the tool samples through MelodyContinuer, nothing else).
        try (MelodyContinuer continuer = MelodyContinuer.open(model)) {
            List<Melody> direct = continuer.continueMelody(CLIP, 2, ContinuationOptions.of(3, 1.5, 1.0, 7));
            for (int k = 0; k < 3; k++) {
                assertThat(notesFrom(candidates().get(k).whole(), 32)).isEqualTo(notesFrom(direct.get(k), 32));
            }
        }
        assertThat(workbench.status().getMessage()).startsWith("3 continuations of the clip by 2 bars").contains("seed 7");
        assertThat(workbench.continuation().seedProperty().get()).as("the next press draws anew").isEqualTo(8);
    }

    @Test
    void takingACandidateAppendsItsBarsToTheClipAndUndoBringsTheClipBack(FxRobot robot) {
        prepare(robot);
        robot.clickOn("#continueBars4");
        robot.clickOn("#continueButton");
        ClipCard second = view.continuationPane().cards().get(1);
        Melody chosen = candidates().get(1).whole();

        robot.clickOn((Node) second.lookup(".take-continuation"));

        Melody clip = workbench.editor().getMelody();
        assertThat(clip.bars()).isEqualTo(6);
        assertThat(clip.lengthSteps()).isEqualTo(96);
        assertThat(notesBefore(clip, 32)).as("the clip's own notes are unchanged").containsExactlyElementsOf(CLIP.notes());
        assertThat(clip.notes()).isEqualTo(chosen.notes());
        assertThat(workbench.status().getMessage()).startsWith("Continuation taken into the clip: 2 bars → 6 bars");
        robot.interact(() -> workbench.editor().undo());
        assertThat(workbench.editor().getMelody().notes()).isEqualTo(CLIP.notes());
        assertThat(workbench.editor().getMelody().bars()).isEqualTo(2);
    }

    @Test
    void aCandidateTakenAfterTheClipChangedIsRefusedWithAMessage(FxRobot robot) {
        prepare(robot);
        robot.clickOn("#continueButton");
        Melody edited = Melody.of(CLIP.grid(), 32, List.of(Note.of(72, 0, 8)));
        robot.interact(() -> workbench.editor().replaceMelody(edited));

        robot.clickOn((Node) view.continuationPane().cards().get(0).lookup(".take-continuation"));

        assertThat(workbench.editor().getMelody()).isEqualTo(edited);
        assertThat(workbench.status().errorProperty().get()).isTrue();
        assertThat(workbench.status().getMessage()).contains("clip has changed").contains("press Continue");
    }

    @Test
    void aCandidateGoesIntoSlotAAndTheArrangementLane(FxRobot robot) {
        prepare(robot);
        robot.clickOn("#continueButton");
        ClipCard first = view.continuationPane().cards().get(0);
        Melody chosen = candidates().get(0).whole();

        robot.clickOn(button(first, "A"));
        robot.clickOn((Node) first.lookup(".to-lane"));

        assertThat(workbench.interpolation().slotAProperty().get().notes()).isEqualTo(chosen.notes());
        List<Melody> lane = workbench.lane().getArrangement().clips();
        assertThat(lane).isNotEmpty();
        assertThat(lane.get(lane.size() - 1).notes()).isEqualTo(chosen.notes());
        assertThat(lane.get(lane.size() - 1).lengthSteps()).isEqualTo(chosen.lengthSteps());
    }

    @Test
    void withSnapToScaleTheModelSamplesOnlyPitchesOfTheKey(FxRobot robot) {
        prepare(robot);
        MusicalKey dMinor = new MusicalKey(2, Scale.NATURAL_MINOR);
        robot.interact(() -> {
            workbench.editor().keyProperty().set(dMinor);
            workbench.editor().snapToScaleProperty().set(true);
            workbench.continuation().countProperty().set(8);
            workbench.continuation().temperatureProperty().set(2.0);
            workbench.continuation().topPProperty().set(1.0);
        });
        assertThat(robot.lookup("#continueKeyNote").queryLabeled().getText()).contains("stay in D Minor");
        robot.clickOn("#continueBars8");
        robot.clickOn("#continueButton");

        List<Note> added = candidates().stream().flatMap(c -> notesFrom(c.whole(), c.boundary()).stream()).toList();
        assertThat(added).isNotEmpty().allSatisfy(n -> assertThat(dMinor.contains(n.pitch())).as(n.toString()).isTrue());
        assertThat(workbench.status().getMessage()).contains(", in D Minor");

        // The same draws without the key do leave it: the restriction is what kept them in.
        robot.interact(() -> {
            workbench.editor().snapToScaleProperty().set(false);
            workbench.continuation().seedProperty().set(workbench.continuation().seedProperty().get() - 1);
        });
        robot.clickOn("#continueButton");
        Stream<Note> free = candidates().stream().flatMap(c -> notesFrom(c.whole(), c.boundary()).stream());
        assertThat(free.anyMatch(n -> !dMinor.contains(n.pitch()))).isTrue();
    }

    @Test
    void aBundledContinuationModelOpensAtStartQuietlyAndIsNotListedAsAMusicVae() throws IOException {
        Path home = Files.createDirectories(dir.resolve("bundled-home"));
        Path bundled = ContinuationSession.bundled(home);
        Files.createDirectories(bundled.getParent());
        try (Stream<Path> files = Files.walk(model)) {
            for (Path f : files.toList()) {
                Files.copy(f, bundled.resolve(model.relativize(f).toString()));
            }
        }
        Workbench headless = new Workbench(new Workbench.Dependencies(new DirectTaskRunner(),
                checkpoint -> new FakeMelodyGenerator(), Playback.disabled(), home, 10));
        headless.start(new WorkbenchOptions(dir.resolve("vae"), null, home.resolve("autosave.json")));
        try {
            assertThat(headless.continuation().session().hasModel()).isTrue();
            assertThat(headless.continuation().session().descriptionProperty().get()).contains("continue_tiny");
            assertThat(headless.status().getMessage()).doesNotContain("Continuation model");
            assertThat(headless.bundledModels()).doesNotContain(bundled);
        } finally {
            headless.shutdown();
        }
    }
}
