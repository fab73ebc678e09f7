package org.melodypalette.app.workbench.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks, before a user file is written, that the place it goes can hold it, so that the failure
 * is a sentence naming the file. Without it, saving to {@code notes.txt/song.json} fails in
 * {@code Files.createDirectories} with a bare path as the whole message.
 */
public final class SaveLocations {

    private SaveLocations() {
    }

    /** Fails if the nearest existing ancestor folder of {@code file} is not a folder. */
    public static void requireFolderFor(Path file) throws IOException {
        for (Path dir = file.toAbsolutePath().getParent(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir)) {
                return;
            }
            if (Files.exists(dir)) {
                throw new IOException("cannot write " + file + ": " + dir + " is a file, not a folder");
            }
        }
    }
}
