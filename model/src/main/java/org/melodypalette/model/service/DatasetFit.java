package org.melodypalette.model.service;

import java.io.IOException;
import java.nio.file.Path;
import org.melodypalette.datasets.LabelWindows;
import org.melodypalette.datasets.WindowDataset;
import org.melodypalette.model.api.ModelInfo;
import org.melodypalette.tokenizer.MelodyVocabulary;

/** Whether a dataset's windows fit a model: their length and what their labels mean. */
public final class DatasetFit {

    private DatasetFit() {
    }

    /** Refuses, in one sentence naming the file, a dataset the model in {@code checkpoint} cannot read. */
    public static void require(ModelInfo info, Path checkpoint, WindowDataset data, Path datasetFile) throws IOException {
        if (info.numSteps() != data.numSteps()) {
            throw new IOException(datasetFile + ": windows have " + data.numSteps() + " steps but the model in "
                    + checkpoint + " needs " + info.numSteps());
        }
        MelodyVocabulary labels = LabelWindows.VOCABULARY;
        if (info.minPitch() != labels.minPitch() || info.maxPitch() != labels.maxPitch()) {
            throw new IOException(checkpoint + ": the model uses pitches " + info.minPitch() + ".." + info.maxPitch()
                    + " but dataset labels mean " + labels.minPitch() + ".." + labels.maxPitch());
        }
    }
}
