package org.melodypalette.app.workbench;

import java.io.IOException;
import java.nio.file.Path;
import org.melodypalette.model.api.LatentCodec;
import org.melodypalette.model.api.MelodyGenerator;
import org.melodypalette.model.service.MelodyGenerators;

/** The production model loader: opens a checkpoint and warms it up (runs on the model worker). */
final class Models {

    private Models() {
    }

    static MelodyGenerator open(Path checkpointDir) throws IOException {
        LatentCodec codec = MelodyGenerators.open(checkpointDir);
        // The first decode is ~100× slower than later ones (JIT); pay it here, not on the first drag.
        codec.warmUp();
        return codec;
    }
}
