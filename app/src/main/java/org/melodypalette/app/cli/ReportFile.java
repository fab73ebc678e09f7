package org.melodypalette.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A report file the user named ({@code --json FILE}, {@code --plot FILE}): written in place, as
 * scripts that re-run a benchmark expect, but never silently over an earlier file: the line that
 * names it says it replaced one.
 */
record ReportFile(Path path, boolean existed) {

    /** Call before writing. */
    static ReportFile before(Path path) {
        return new ReportFile(path, Files.exists(path));
    }

    /** {@code "FILE"} or {@code "FILE (replaced the earlier file)"}. */
    String describe() {
        return existed ? path + " (replaced the earlier file)" : path.toString();
    }
}
