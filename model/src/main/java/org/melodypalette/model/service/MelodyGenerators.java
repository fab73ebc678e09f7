package org.melodypalette.model.service;

import java.io.IOException;
import java.nio.file.Path;
import org.melodypalette.model.api.LatentCodec;
import org.melodypalette.model.api.MelodyGenerator;
import org.melodypalette.model.infer.KernelMelodyGenerator;

/** Opens trained models as {@link MelodyGenerator}s. */
public final class MelodyGenerators {

    private MelodyGenerators() {
    }

    /**
     * Opens a checkpoint folder, ours or magenta.js's (float32 or quantized), with its optional
     * {@code attributes.json}. Inference runs on the CPU in plain Java (fastest when the JVM runs
     * with {@code --add-modules jdk.incubator.vector}). Call {@link LatentCodec#warmUp()} in the
     * background before the first user action.
     *
     * @throws IOException a {@code CheckpointException} naming the folder or file and the problem
     */
    public static LatentCodec open(Path checkpointDir) throws IOException {
        return KernelMelodyGenerator.open(checkpointDir);
    }
}
