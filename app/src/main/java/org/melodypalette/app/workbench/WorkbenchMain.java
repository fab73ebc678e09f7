package org.melodypalette.app.workbench;

import java.nio.file.Path;

/**
 * Starts the workbench without the CLI: {@code WorkbenchMain [--checkpoint DIR] [--project FILE]}.
 * A plain main class is needed because JavaFX refuses to start an {@code Application} subclass as
 * the main class from the class path.
 */
public final class WorkbenchMain {

    private WorkbenchMain() {
    }

    public static void main(String[] args) {
        WorkbenchApp.launch(options(args));
    }

    /** The options {@code args} give: {@code [--checkpoint DIR] [--project FILE]}. */
    public static WorkbenchOptions options(String[] args) {
        Path checkpoint = null;
        Path project = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--checkpoint" -> checkpoint = Path.of(args[i + 1]);
                case "--project" -> project = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (expected --checkpoint DIR or --project FILE)");
            }
        }
        return new WorkbenchOptions(checkpoint, project);
    }
}
