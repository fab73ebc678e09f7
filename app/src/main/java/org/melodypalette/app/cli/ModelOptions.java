package org.melodypalette.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.melodypalette.model.api.LatentCodec;
import org.melodypalette.app.workbench.WorkbenchOptions;
import org.melodypalette.model.service.MelodyGenerators;
import picocli.CommandLine.Option;

/** {@code --checkpoint DIR}, defaulting to the bundled 2-bar model. */
final class ModelOptions {

    @Option(names = "--checkpoint", paramLabel = "DIR",
            description = "Checkpoint folder, ours or magenta.js's (default: the bundled checkpoints/mel_2bar).")
    Path checkpoint;

    /** The bundled default model, under the install folder the launcher passes as palette.home. */
    static Path bundledModel() {
        return WorkbenchOptions.bundledModel(WorkbenchOptions.home());
    }

    /** The chosen folder; without --checkpoint, the bundled model, which must exist. */
    Path directory() throws IOException {
        Path dir = checkpoint != null ? checkpoint : bundledModel();
        if (checkpoint == null && !Files.isDirectory(dir)) {
            throw new IOException("no --checkpoint given and no bundled model at " + dir);
        }
        return dir;
    }

    LatentCodec open() throws IOException {
        return MelodyGenerators.open(directory());
    }
}
