package org.melodypalette.model.rulesfixture.clean.api;

/** A contract, as in model.api. */
public interface Generator {

    String name();
}
