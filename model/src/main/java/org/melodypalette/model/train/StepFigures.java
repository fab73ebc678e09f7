package org.melodypalette.model.train;

/** One training step's figures, averaged over its batch; accuracy is the share of labels predicted. */
public record StepFigures(double loss, double reconstruction, double kl, double accuracy) {
}
