package org.melodypalette.datasets;

import java.io.IOException;
import java.nio.file.Path;

/** A dataset file that cannot be read; the message names the file and the problem. */
public final class DatasetFormatException extends IOException {

    private final transient Path file;

    public DatasetFormatException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
