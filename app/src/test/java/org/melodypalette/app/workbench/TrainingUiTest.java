package org.melodypalette.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.melodypalette.app.workbench.audio.Playback;
import org.melodypalette.app.workbench.model.ModelLoader;
import org.melodypalette.app.workbench.task.DirectTaskRunner;
import org.melodypalette.app.workbench.train.TrainingViewModel.Phase;
import org.melodypalette.app.workbench.train.TrainingViewModel;
import org.melodypalette.datasets.SplitAssigner;
import org.melodypalette.midi.MidiExport;
import org.melodypalette.midi.MidiFiles;
import org.melodypalette.model.config.ModelConfigJson;
import org.melodypalette.model.config.ModelPresets;
import org.melodypalette.music.Melody;
import org.melodypalette.music.Note;
import org.melodypalette.music.TimeGrid;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Trains a real (tiny) model on a folder of MIDI files from the training window: start, watch the
 * progress bar and charts move, stop (which saves a checkpoint), switch the workbench to the new
 * model, then resume the run to its last step. The model is tiny-test's size with 2-bar windows of
 * 16ths, written as a config file, because tiny-test's own 4-step bars do not fit MIDI files.
 */
@ExtendWith(ApplicationExtension.class)
class TrainingUiTest {

    @TempDir
    static Path dir;

    private Workbench workbench;
    private WorkbenchView view;

    @Start
    void start(Stage stage) {
        workbench = new Workbench(new Workbench.Dependencies(new DirectTaskRunner(), ModelLoader::warmedUp, Playback.disabled(),
                dir, 50));
        view = WorkbenchView.show(workbench, stage, 1100, 760);
        workbench.start(new WorkbenchOptions(null, null, dir.resolve("autosave-training.json")));
    }

    /** Four 8-bar melodies, named so that the dataset's stable split puts exactly one in eval. */
    private static Path midiFolder() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("tunes"));
        SplitAssigner split = new SplitAssigner(0.1);
        List<String> train = new ArrayList<>();
        String eval = null;
        for (int i = 0; train.size() < 3 || eval == null; i++) {
            String name = "tune-" + i + ".mid";
            if (split.splitOf(name) == SplitAssigner.Split.EVAL) {
                eval = eval == null ? name : eval;
            } else if (train.size() < 3) {
                train.add(name);
            }
        }
        List<String> names = new ArrayList<>(train);
        names.add(eval);
        for (int f = 0; f < names.size(); f++) {
            List<Note> notes = new ArrayList<>();
            for (int q = 0; q < 32; q++) {
                int[] scale = {0, 2, 4, 5, 7, 9, 11, 12};
                notes.add(Note.of(60 + f + scale[(q * (f + 1)) % scale.length], q * 4, q * 4 + (q % 3 == 0 ? 4 : 2)));
            }
            MidiFiles.write(folder.resolve(names.get(f)), Melody.of(TimeGrid.SIXTEENTHS_4_4, 128, notes),
                    MidiExport.DEFAULT);
        }
        return folder;
    }

    private static Path tinyTwoBarConfig() throws IOException {
        Path file = dir.resolve("tiny-2bar.json");
        Files.write(file, ModelConfigJson.toJson(ModelPresets.byName("tiny-test").withName("tiny-2bar").withSteps(32, 16)));
        return file;
    }

    private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static int points(LineChart<Number, Number> chart, int series) {
        List<XYChart.Series<Number, Number>> data = chart.getData();
        return data.size() <= series ? 0 : data.get(series).getData().size();
    }

    @Test
    void trainStopSwitchToTheModelAndResume(FxRobot robot) throws Exception {
        Path midi = midiFolder();
        Path config = tinyTwoBarConfig();
        Path out = dir.resolve("my-model");
        TrainingViewModel training = workbench.training();

        robot.clickOn("#tabModel");
        robot.clickOn("#trainButton");
        Stage window = view.trainingWindow().stage();
        assertThat(window.isShowing()).isTrue();
        robot.interact(() -> {
            training.midiFolderProperty().set(midi);
            training.configFileProperty().set(config);
            training.chooseOutputFolder(out);
            training.stepsProperty().set(100_000);
            training.setSchedule(50, 2, 0);
        });
        Button start = robot.lookup("#trainStart").queryButton();
        assertThat(start.getText()).isEqualTo("Start");
        assertThat(start.isDisabled()).isFalse();

        robot.clickOn("#trainStart");
        waitUntil(() -> training.lossPoints().size() >= 2 && training.evalPoints().size() >= 1);

        ProgressBar bar = robot.lookup("#trainProgress").query();
        assertThat(bar.getProgress()).isPositive();
        assertThat(robot.lookup("#trainProgressText").queryLabeled().getText()).startsWith("step ").contains("ETA");
        assertThat(points(view.trainingWindow().pane().lossChart(), 0)).isPositive();
        assertThat(points(view.trainingWindow().pane().accuracyChart(), 1)).as("eval points").isPositive();

        robot.clickOn("#trainStop");
        waitUntil(() -> training.phaseProperty().get() == Phase.STOPPED);

        assertThat(training.trainedModelProperty().get()).isEqualTo(out);
        assertThat(out.resolve("config.json")).exists();
        long stoppedAt = training.savedRunProperty().get().step();
        assertThat(stoppedAt).isGreaterThanOrEqualTo(2);
        assertThat(start.getText()).isEqualTo("Resume");
        ListView<Path> models = robot.lookup("#modelList").queryListView();
        assertThat(models.getItems()).contains(out);

        robot.clickOn("#trainUseModel");
        waitUntil(() -> workbench.session().infoProperty().get() != null);
        assertThat(workbench.session().infoProperty().get().name()).isEqualTo("tiny-2bar");
        assertThat(workbench.session().checkpointProperty().get()).isEqualTo(out);

        robot.interact(() -> training.stepsProperty().set((int) stoppedAt + 3));
        robot.clickOn("#trainStart");
        waitUntil(() -> training.phaseProperty().get() == Phase.FINISHED);

        assertThat(training.savedRunProperty().get().step()).isEqualTo(stoppedAt + 3);
        assertThat(bar.getProgress()).isEqualTo(1.0);
        assertThat(training.messageProperty().get()).startsWith("Finished at step " + (stoppedAt + 3));
    }
}
