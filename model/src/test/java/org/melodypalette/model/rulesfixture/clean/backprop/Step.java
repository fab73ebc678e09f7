package org.melodypalette.model.rulesfixture.clean.backprop;

/** A second engine, on its own. */
public final class Step {
}
