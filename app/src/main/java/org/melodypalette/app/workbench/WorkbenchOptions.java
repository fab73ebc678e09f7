package org.melodypalette.app.workbench;

import java.nio.file.Path;

/**
 * How to start the workbench.
 *
 * @param checkpoint   model folder to open; null = the project's model, else {@code <palette.home>/checkpoints/mel_2bar}
 *                     if it exists, else no model
 * @param projectFile  project to open; null = restore the autosaved session
 * @param autosaveFile where the session autosaves; null = {@link #defaultAutosaveFile()}
 * @param demoOnFirstStart whether a first start (no project given, no autosave yet) opens on the
 *                     {@link org.melodypalette.app.workbench.project.DemoProject} instead of empty slots
 */
public record WorkbenchOptions(Path checkpoint, Path projectFile, Path autosaveFile, boolean demoOnFirstStart) {

    public WorkbenchOptions(Path checkpoint, Path projectFile, Path autosaveFile) {
        this(checkpoint, projectFile, autosaveFile, false);
    }

    public WorkbenchOptions(Path checkpoint, Path projectFile) {
        this(checkpoint, projectFile, null);
    }

    /** These options with a first start opening on the demo project (what the app does). */
    public WorkbenchOptions withDemoOnFirstStart() {
        return new WorkbenchOptions(checkpoint, projectFile, autosaveFile, true);
    }

    /** No checkpoint, no project: restore the last session. */
    public static WorkbenchOptions defaults() {
        return new WorkbenchOptions(null, null, null);
    }

    /** The autosave file to use: the given one or {@link #defaultAutosaveFile()}. */
    public Path effectiveAutosaveFile() {
        return autosaveFile != null ? autosaveFile : defaultAutosaveFile();
    }

    /** {@code -Dpalette.autosave}, else {@code ~/.melody-palette/autosave.json}. */
    public static Path defaultAutosaveFile() {
        String override = System.getProperty("palette.autosave");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        return Path.of(System.getProperty("user.home"), ".melody-palette", "autosave.json");
    }

    /** {@code -Dpalette.home} (set by the launcher), else the working directory. */
    public static Path home() {
        String home = System.getProperty("palette.home");
        return Path.of(home == null || home.isBlank() ? "." : home);
    }

    /** The default model shipped with the app: {@code <home>/checkpoints/mel_2bar} (may not exist). */
    public static Path bundledModel(Path home) {
        return home.resolve("checkpoints").resolve("mel_2bar");
    }
}
