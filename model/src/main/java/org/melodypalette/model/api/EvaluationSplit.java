package org.melodypalette.model.api;

/** Which windows of a dataset file to evaluate on. */
public enum EvaluationSplit {
    /** Windows from songs never seen in training. */
    EVAL,
    /** The training windows. */
    TRAIN,
    /** Both. */
    ALL
}
