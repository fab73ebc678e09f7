package org.melodypalette.model.checkpoint;

import java.io.IOException;
import java.nio.file.Path;

/** A checkpoint that cannot be used; the message names the folder or file and the problem. */
public final class CheckpointException extends IOException {

    public CheckpointException(Path where, String problem) {
        super(where + ": " + problem);
    }

    public CheckpointException(Path where, String problem, Throwable cause) {
        super(where + ": " + problem, cause);
    }
}
