package org.melodypalette.model.rulesfixture.crossengine.backprop;

/** The training step. */
public final class Step {
}
