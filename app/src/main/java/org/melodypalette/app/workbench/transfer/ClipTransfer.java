package org.melodypalette.app.workbench.transfer;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TransferMode;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.melodypalette.app.workbench.audio.AudioExport;
import org.melodypalette.app.workbench.audio.TransportViewModel;
import org.melodypalette.app.workbench.editor.EditorViewModel;
import org.melodypalette.app.workbench.lane.LaneViewModel;
import org.melodypalette.app.workbench.task.StatusLine;
import org.melodypalette.app.workbench.task.TaskRunner;
import org.melodypalette.music.Melody;

/**
 * Moves clips between the workbench and the outside world: MIDI and WAV export, MIDI import (menu
 * and drag-and-drop onto the window or the lane) and dragging a clip out of the window as a .mid
 * file. Clips leave at the tempo playing now.
 */
public final class ClipTransfer {

    private final EditorViewModel editor;
    private final TransportViewModel transport;
    private final LaneViewModel lane;
    private final AudioExport audioExport;
    private final StatusLine status;
    private final Supplier<Window> window;
    private final MidiTransfer midi;
    private Path dragFolder;

    public ClipTransfer(EditorViewModel editor, TransportViewModel transport, LaneViewModel lane,
                        AudioExport audioExport, StatusLine status, TaskRunner runner, Supplier<Window> window) {
        this.editor = editor;
        this.transport = transport;
        this.lane = lane;
        this.audioExport = audioExport;
        this.status = status;
        this.window = window;
        this.midi = new MidiTransfer(status, runner);
    }

    /** The MIDI import/export used here (tests replace its dialog). */
    public MidiTransfer midi() {
        return midi;
    }

    /** {@code melody} at the tempo playing now: a model's result carries no tempo of its own. */
    public Melody atPlayingTempo(Melody melody) {
        return melody.withGrid(melody.grid().withTempo(transport.tempoProperty().get()));
    }

    /** Asks for a file and writes the clip as MIDI, or renders it as audio when a .wav name is chosen. */
    public void export(Melody melody) {
        chooseExport(melody, false);
    }

    /** File ▸ Export audio (WAV)…: like {@link #export} with the WAV type preselected. */
    public void exportAudio(Melody melody) {
        chooseExport(melody, true);
    }

    private void chooseExport(Melody melody, boolean audioFirst) {
        if (melody == null) {
            status.failure("Nothing to export yet");
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle(audioFirst ? "Export clip as audio (WAV)" : "Export clip as MIDI or audio");
        FileChooser.ExtensionFilter midiType = new FileChooser.ExtensionFilter("MIDI file", "*.mid", "*.midi");
        FileChooser.ExtensionFilter wavType = new FileChooser.ExtensionFilter("WAV audio", "*.wav");
        chooser.getExtensionFilters().addAll(midiType, wavType);
        chooser.setSelectedExtensionFilter(audioFirst ? wavType : midiType);
        chooser.setInitialFileName(audioFirst ? "melody.wav" : "melody.mid");
        File file = chooser.showSaveDialog(window.get());
        if (file == null) {
            return;
        }
        String name = file.getName().toLowerCase(Locale.ROOT);
        boolean midiName = name.endsWith(".mid") || name.endsWith(".midi");
        if (name.endsWith(".wav")) {
            exportAudioTo(file.toPath(), melody);
        } else if (!midiName && chooser.getSelectedExtensionFilter() == wavType) {
            exportAudioTo(file.toPath().resolveSibling(file.getName() + ".wav"), melody);
        } else {
            exportTo(file.toPath(), melody);
        }
    }

    /** Renders {@code melody} at the current tempo to a WAV file in the background; reports the outcome. */
    public void exportAudioTo(Path file, Melody melody) {
        audioExport.export(atPlayingTempo(melody), file);
    }

    /** Writes {@code melody} at the current tempo as a type-1 MIDI file; reports the outcome. */
    public boolean exportTo(Path file, Melody melody) {
        try {
            midi.write(file, atPlayingTempo(melody));
            status.info("Exported " + file.getFileName());
            return true;
        } catch (IOException | RuntimeException e) {
            status.failure("Cannot export " + file.getFileName(), e);
            return false;
        }
    }

    /** Lets the clip be dragged out of the window as a .mid file (on press-drag of {@code handle}). */
    public void installDragOut(Node handle, Supplier<Melody> melody) {
        handle.addEventHandler(MouseEvent.DRAG_DETECTED, e -> {
            Melody clip = melody.get();
            if (clip == null || clip.isSilent()) {
                return;
            }
            try {
                Path file = dragFile(clip);
                Dragboard board = handle.startDragAndDrop(TransferMode.COPY);
                ClipboardContent content = new ClipboardContent();
                content.putFiles(List.of(file.toFile()));
                board.setContent(content);
                e.consume();
            } catch (IOException | RuntimeException ex) {
                status.failure("Cannot prepare the clip for dragging", ex);
            }
        });
    }

    /** Writes the clip to a fresh temporary .mid file (what a drag out of the window carries). */
    public Path dragFile(Melody clip) throws IOException {
        if (dragFolder == null) {
            dragFolder = Files.createTempDirectory("melody-palette-drag");
            dragFolder.toFile().deleteOnExit();
        }
        Path file = dragFolder.resolve("melody-palette-" + System.currentTimeMillis() % 100_000 + ".mid");
        midi.write(file, atPlayingTempo(clip));
        file.toFile().deleteOnExit();
        return file;
    }

    /** Reads a .mid file dropped on the lane (on the task runner) and inserts it before clip {@code index}. */
    public void dropIntoLane(Path file, int index) {
        midi.runner().run(() -> midi.readWhole(file), imported -> {
            if (imported.report().isEmpty()) {
                status.failure("Nothing added from " + file.getFileName() + ": "
                        + imported.report().emptyProblem());
            } else {
                lane.insert(index, imported.melody());
            }
        }, error -> status.failure("Cannot add " + file.getFileName() + " to the lane", error));
    }

    /** File ▸ Import MIDI… */
    public void chooseMidiToImport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import MIDI");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("MIDI file", "*.mid", "*.midi"));
        File file = chooser.showOpenDialog(window.get());
        if (file != null) {
            importMidi(file.toPath());
        }
    }

    /** Reads {@code file}, lets the user choose track and bars, and replaces the editor's clip. */
    public void importMidi(Path file) {
        midi.importInteractively(file, editor.getMelody().lengthSteps(), window.get(), imported -> {
            editor.replaceMelody(imported.melody());
            transport.tempoProperty().set(imported.melody().grid().qpm());
            status.info("Imported " + imported.description() + imported.reductions());
        });
    }

    /** Accepts .mid files dropped anywhere on {@code target}. */
    public void installDropTarget(Node target) {
        target.addEventHandler(DragEvent.DRAG_OVER, e -> {
            if (e.getGestureSource() == null && midiFile(e.getDragboard()) != null) {
                e.acceptTransferModes(TransferMode.COPY);
                e.consume();
            }
        });
        target.addEventHandler(DragEvent.DRAG_DROPPED, e -> {
            Path file = midiFile(e.getDragboard());
            e.setDropCompleted(file != null);
            e.consume();
            if (file != null) {
                // After the drop completes, so a slow dialog does not hold the source application.
                javafx.application.Platform.runLater(() -> importMidi(file));
            }
        });
    }

    private static Path midiFile(Dragboard board) {
        if (!board.hasFiles()) {
            return null;
        }
        return board.getFiles().stream().map(File::toPath)
                .filter(p -> {
                    String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                    return name.endsWith(".mid") || name.endsWith(".midi");
                }).findFirst().orElse(null);
    }
}
