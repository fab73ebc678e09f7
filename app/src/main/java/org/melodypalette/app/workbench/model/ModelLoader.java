package org.melodypalette.app.workbench.model;

import java.io.IOException;
import java.nio.file.Path;
import org.melodypalette.model.api.LatentCodec;
import org.melodypalette.model.api.MelodyGenerator;
import org.melodypalette.model.service.MelodyGenerators;

/** Opens a checkpoint folder as a generator, on the model worker thread; {@link #warmedUp} in production. */
@FunctionalInterface
public interface ModelLoader {

    MelodyGenerator open(Path checkpointDir) throws Exception;

    /** Opens the checkpoint and warms it up, so the JIT's slow first calls happen here, not on the first drag. */
    static MelodyGenerator warmedUp(Path checkpointDir) throws IOException {
        LatentCodec codec = MelodyGenerators.open(checkpointDir);
        codec.warmUp();
        return codec;
    }
}
