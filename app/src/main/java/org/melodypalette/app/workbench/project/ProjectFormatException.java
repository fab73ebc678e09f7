package org.melodypalette.app.workbench.project;

import java.io.IOException;
import java.nio.file.Path;

/** A project file that cannot be read: names the file and what is wrong with it. */
public final class ProjectFormatException extends IOException {

    public ProjectFormatException(Path file, String problem, Throwable cause) {
        super("project " + file + " cannot be read: " + problem, cause);
    }
}
