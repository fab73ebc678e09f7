package org.melodypalette.datasets;

/**
 * A built training set: windows split into train and eval by source file (no song in both),
 * with the provenance that made them.
 */
public record WindowDataset(DatasetInfo info, LabelWindows train, LabelWindows eval) {

    public WindowDataset {
        if (info == null || train == null || eval == null) {
            throw new IllegalArgumentException("info, train and eval are required");
        }
        if (train.numSteps() != info.numSteps() || eval.numSteps() != info.numSteps()) {
            throw new IllegalArgumentException("windows have " + train.numSteps() + "/"
                    + eval.numSteps() + " steps but the dataset says " + info.numSteps());
        }
    }

    public int numSteps() {
        return info.numSteps();
    }
}
