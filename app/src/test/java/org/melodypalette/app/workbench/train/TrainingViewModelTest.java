package org.melodypalette.app.workbench.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melodypalette.app.workbench.task.StatusLine;
import org.melodypalette.midi.MidiExport;
import org.melodypalette.midi.MidiFiles;
import org.melodypalette.model.api.ModelInfo;
import org.melodypalette.music.Melody;
import org.melodypalette.music.Note;
import org.melodypalette.music.TimeGrid;

/**
 * The training choices and the failures a user meets before any model trains. The view model's
 * "UI thread" is a single-thread executor here; {@code TrainingUiTest} trains for real in the window.
 */
class TrainingViewModelTest {

    @TempDir
    Path dir;

    private final ExecutorService uiThread = Executors.newSingleThreadExecutor();
    private final StatusLine status = new StatusLine();
    private final List<Path> opened = new ArrayList<>();

    @AfterEach
    void stopUiThread() {
        uiThread.shutdownNow();
    }

    private TrainingViewModel onUi(java.util.concurrent.Callable<TrainingViewModel> make) throws Exception {
        return uiThread.submit(make).get();
    }

    private void ui(Runnable action) throws Exception {
        uiThread.submit(action).get();
    }

    private TrainingViewModel viewModel() throws Exception {
        return onUi(() -> new TrainingViewModel(uiThread, status, opened::add, dir.resolve("models")));
    }

    /** Waits (on the UI thread's queue) until the run has ended. */
    private void awaitEnd(TrainingViewModel vm) throws Exception {
        for (int i = 0; i < 600; i++) {
            if (uiThread.submit(() -> !vm.phaseProperty().get().running()).get()) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        throw new AssertionError("the run did not end: " + vm.messageProperty().get());
    }

    @Test
    void onlyModelsWithSixteenthBarsAreOfferedAndTheTwoCorePresetIsChosen() throws Exception {
        TrainingViewModel vm = viewModel();

        assertThat(vm.presets()).extracting(ModelInfo::name).contains("mel_2bar_cpu", "hierdec-mel_16bar_cpu")
                .doesNotContain("tiny-test", "tiny-test-hier");
        assertThat(vm.presetProperty().get()).isEqualTo("mel_2bar_cpu");
    }

    @Test
    void choosingAFolderSuggestsANewOutputFolderAndEnablesStart() throws Exception {
        TrainingViewModel vm = viewModel();
        Path midi = Files.createDirectories(dir.resolve("my tunes"));
        Files.createDirectories(dir.resolve("models/my_tunes-mel_2bar_cpu"));
        Files.writeString(dir.resolve("models/my_tunes-mel_2bar_cpu/notes.txt"), "taken");

        ui(() -> vm.midiFolderProperty().set(midi));

        assertThat(vm.outputFolderProperty().get()).isEqualTo(dir.resolve("models/my_tunes-mel_2bar_cpu-2"));
        assertThat(vm.outputNoteProperty().get()).startsWith("A new folder will be created");
        assertThat(vm.canStartProperty().get()).isTrue();
        assertThat(vm.savedRunProperty().get()).isNull();
    }

    @Test
    void aFolderWithOtherFilesCannotTakeTheRun() throws Exception {
        TrainingViewModel vm = viewModel();
        Path busy = Files.createDirectories(dir.resolve("thesis"));
        Files.writeString(busy.resolve("chapter1.txt"), "precious");

        ui(() -> {
            vm.midiFolderProperty().set(dir);
            vm.chooseOutputFolder(busy);
        });

        assertThat(vm.outputNoteProperty().get())
                .isEqualTo(busy + " is not empty and holds no training checkpoint; choose a new or empty folder");
        assertThat(vm.canStartProperty().get()).isFalse();
    }

    @Test
    void aFolderWithoutMidiFilesIsOneClearMessage() throws Exception {
        TrainingViewModel vm = viewModel();
        Path empty = Files.createDirectories(dir.resolve("empty"));

        ui(() -> {
            vm.midiFolderProperty().set(empty);
            vm.start();
        });
        awaitEnd(vm);

        assertThat(vm.phaseProperty().get()).isEqualTo(TrainingViewModel.Phase.FAILED);
        assertThat(vm.messageProperty().get()).contains("no MIDI files").contains(empty.toString());
        assertThat(status.errorProperty().get()).isTrue();
        assertThat(vm.trainedModelProperty().get()).isNull();
        assertThat(vm.outputFolderProperty().get()).doesNotExist();
    }

    @Test
    void midiFilesWithoutAUsableMelodySayWhy() throws Exception {
        TrainingViewModel vm = viewModel();
        Path midi = Files.createDirectories(dir.resolve("sparse"));
        // one sixteenth in four bars: too short a phrase for a 2-bar window
        MidiFiles.write(midi.resolve("blip.mid"), Melody.of(TimeGrid.SIXTEENTHS_4_4, 64, List.of(Note.of(60, 0, 1))),
                MidiExport.DEFAULT);
        Files.writeString(midi.resolve("broken.mid"), "not midi");

        ui(() -> {
            vm.midiFolderProperty().set(midi);
            vm.start();
        });
        awaitEnd(vm);

        assertThat(vm.phaseProperty().get()).isEqualTo(TrainingViewModel.Phase.FAILED);
        assertThat(vm.messageProperty().get()).startsWith("no usable melodies in " + midi + ": 2 MIDI files read")
                .contains("1 unreadable MIDI").contains("1 no usable windows");
    }

    @Test
    void durationsReadLikeTheCli() {
        assertThat(TrainingViewModel.duration(3725)).isEqualTo("1h02m");
        assertThat(TrainingViewModel.duration(65)).isEqualTo("1m05s");
        assertThat(TrainingViewModel.duration(Double.NaN)).isEqualTo("?");
    }
}
