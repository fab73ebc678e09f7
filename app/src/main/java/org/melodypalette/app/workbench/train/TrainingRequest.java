package org.melodypalette.app.workbench.train;

import java.nio.file.Path;

/**
 * What the user asked to train: a MIDI folder, the model (a preset or a {@code config.json}; neither
 * when resuming, which uses the checkpoint's), where to checkpoint, and until which step.
 *
 * @param midiFolder         MIDI files, searched recursively
 * @param preset             a preset name, or null
 * @param configFile         a model config file, or null
 * @param outputDir          the checkpoint folder: new or empty, or holding the run to resume
 * @param steps              the step to stop at, counting the steps of earlier sessions
 * @param checkpointInterval steps between checkpoints (a last one is always written)
 * @param evalInterval       steps between evaluations on the eval split
 * @param evalWindows        eval windows per evaluation; 0 = all
 * @param resume             continue the run in {@code outputDir}
 */
public record TrainingRequest(Path midiFolder, String preset, Path configFile, Path outputDir, long steps,
                              int checkpointInterval, int evalInterval, int evalWindows, boolean resume) {

    public TrainingRequest {
        if (midiFolder == null) {
            throw new IllegalArgumentException("choose a folder of MIDI files to train on");
        }
        if (outputDir == null) {
            throw new IllegalArgumentException("choose a folder to save the model in");
        }
        if (!resume && (preset == null) == (configFile == null)) {
            throw new IllegalArgumentException("choose a preset or a model config file");
        }
        if (steps < 1 || checkpointInterval < 1 || evalInterval < 1 || evalWindows < 0) {
            throw new IllegalArgumentException("steps " + steps + ", checkpoint interval " + checkpointInterval
                    + " and eval interval " + evalInterval + " must be positive, eval windows " + evalWindows
                    + " non-negative");
        }
    }
}
