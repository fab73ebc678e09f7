package org.melodypalette.app.workbench;

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
import org.melodypalette.app.workbench.clip.ClipActions;
import org.melodypalette.music.Melody;

/**
 * Moves clips between the workbench's places (editor, slots, playback) and the outside world:
 * MIDI export, import (menu and drag-and-drop onto the window) and dragging a clip out of the
 * window as a .mid file.
 */
public final class ClipHandOff implements ClipActions {

    private final Workbench workbench;
    private final Supplier<Window> window;
    private final MidiTransfer midi;
    private Path dragFolder;

    ClipHandOff(Workbench workbench, Supplier<Window> window) {
        this.workbench = workbench;
        this.window = window;
        this.midi = new MidiTransfer(workbench.status(), workbench.runner());
    }

    /** The MIDI import/export used here (tests replace its dialog). */
    MidiTransfer midi() {
        return midi;
    }

    @Override
    public void togglePlay(Object source, Melody melody) {
        if (melody != null) {
            workbench.transport().toggle(source, withTempo(melody));
        }
    }

    @Override
    public void sendToEditor(Melody melody) {
        if (melody != null) {
            // At the tempo playing now: a model's result carries no tempo of its own.
            workbench.editor().replaceMelody(withTempo(melody));
            workbench.status().info("Clip sent to the editor (Undo brings the old one back)");
        }
    }

    @Override
    public void sendToSlotA(Melody melody) {
        if (melody != null) {
            workbench.interpolation().setSlotA(melody);
            workbench.status().info("Slot A set");
        }
    }

    @Override
    public void sendToSlotB(Melody melody) {
        if (melody != null) {
            workbench.interpolation().setSlotB(melody);
            workbench.status().info("Slot B set");
        }
    }

    @Override
    public void sendToLane(Melody melody) {
        if (melody != null) {
            workbench.lane().append(withTempo(melody));
        }
    }

    /** Asks for a file and writes the clip as MIDI, or renders it as audio when a .wav name is chosen. */
    @Override
    public void export(Melody melody, Node owner) {
        chooseExport(melody, false);
    }

    /** File ▸ Export audio (WAV)…: like {@link #export} with the WAV type preselected. */
    public void exportAudio(Melody melody) {
        chooseExport(melody, true);
    }

    private void chooseExport(Melody melody, boolean audioFirst) {
        if (melody == null) {
            workbench.status().failure("Nothing to export yet");
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
        workbench.audioExport().export(withTempo(melody), file);
    }

    /** Writes {@code melody} at the current tempo as a type-1 MIDI file; reports the outcome. */
    public boolean exportTo(Path file, Melody melody) {
        try {
            midi.write(file, withTempo(melody));
            workbench.status().info("Exported " + file.getFileName());
            return true;
        } catch (IOException | RuntimeException e) {
            workbench.status().failure("Cannot export " + file.getFileName(), e);
            return false;
        }
    }

    @Override
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
                workbench.status().failure("Cannot prepare the clip for dragging", ex);
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
        midi.write(file, withTempo(clip));
        file.toFile().deleteOnExit();
        return file;
    }

    /** Reads a .mid file dropped on the lane (on the task runner) and inserts it before clip {@code index}. */
    public void dropIntoLane(Path file, int index) {
        midi.runner().run(() -> midi.readWhole(file), imported -> {
            if (imported.report().isEmpty()) {
                workbench.status().failure("Nothing added from " + file.getFileName() + ": "
                        + imported.report().emptyProblem());
            } else {
                workbench.lane().insert(index, imported.melody());
            }
        }, error -> workbench.status().failure("Cannot add " + file.getFileName() + " to the lane", error));
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
        midi.importInteractively(file, workbench.editor().getMelody().lengthSteps(), window.get(), imported -> {
            workbench.editor().replaceMelody(imported.melody());
            workbench.transport().tempoProperty().set(imported.melody().grid().qpm());
            workbench.status().info("Imported " + imported.description() + imported.reductions());
        });
    }

    /** Accepts .mid files dropped anywhere on {@code target}. */
    void installDropTarget(Node target) {
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

    private Melody withTempo(Melody melody) {
        return melody.withGrid(melody.grid().withTempo(workbench.transport().tempoProperty().get()));
    }
}
