package org.melodypalette.model.train;

import java.io.IOException;
import org.melodypalette.model.api.TrainingListener;
import org.melodypalette.model.api.TrainingResult;

/** A training run set up and ready: MusicVAE's {@link Trainer} or the continuation model's {@link ContinuationTrainer}. */
public interface ModelTrainer extends AutoCloseable {

    /** Trains until the settings' total steps or until the listener asks to stop; ends with a checkpoint. */
    TrainingResult run(TrainingListener listener) throws IOException;

    /** Ends the step's threads. */
    @Override
    void close();
}
