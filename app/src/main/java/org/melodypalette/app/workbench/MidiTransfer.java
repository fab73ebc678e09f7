package org.melodypalette.app.workbench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.stage.Window;
import org.melodypalette.app.workbench.task.StatusLine;
import org.melodypalette.music.Melody;

/** MIDI file import and export for the workbench (through the midi module). */
final class MidiTransfer {

    /** An imported clip and a one-line description of where it came from. */
    record Imported(Melody melody, String description) {
    }

    private final StatusLine status;

    MidiTransfer(StatusLine status) {
        this.status = status;
    }

    void write(Path file, Melody melody) throws IOException {
        throw new IOException("MIDI export is not available in this build");
    }

    void importInteractively(Path file, int bars, Window owner, Consumer<Imported> onImported) {
        status.failure("MIDI import is not available in this build");
    }
}
