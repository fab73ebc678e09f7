package org.melodypalette.model.checkpoint;

import java.nio.file.Path;
import org.melodypalette.model.config.ModelConfig;

/**
 * A checkpoint folder read and checked by {@link CheckpointFolder#load}: its architecture, the
 * variables that architecture uses (every shape already matches the config) and where it came from.
 *
 * @param config  the architecture: our {@code config.json}, or derived from a magenta.js folder
 * @param weights the variables {@link ModelLayers#shapes} lists that the folder holds
 * @param folder  the folder it was read from
 * @param format  which kind of folder it was
 */
public record LoadedCheckpoint(ModelConfig config, WeightSet weights, Path folder, Format format) {

    /** The two folder layouts we read; both store weights in the magenta.js manifest format. */
    public enum Format {
        /** {@code config.json} is our {@link ModelConfig} as JSON. */
        MELODY_PALETTE,
        /** {@code config.json} is magenta.js's {@code {"type": "MusicVAE", "dataConverter": ...}}. */
        MAGENTA_JS
    }

    public LoadedCheckpoint {
        if (config == null || weights == null || folder == null || format == null) {
            throw new IllegalArgumentException("config, weights, folder and format are required");
        }
    }

    /** The folder as text, for display ({@code ModelInfo.source}). */
    public String source() {
        return folder.toString();
    }
}
