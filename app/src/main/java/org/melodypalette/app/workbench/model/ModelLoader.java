package org.melodypalette.app.workbench.model;

import java.nio.file.Path;
import org.melodypalette.model.api.MelodyGenerator;

/** Opens a checkpoint folder as a generator (production: the model's MelodyGenerators.open). */
@FunctionalInterface
public interface ModelLoader {

    MelodyGenerator open(Path checkpointDir) throws Exception;
}
