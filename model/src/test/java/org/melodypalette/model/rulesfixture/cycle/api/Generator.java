package org.melodypalette.model.rulesfixture.cycle.api;

import org.melodypalette.model.rulesfixture.cycle.service.Generators;

/** A contract that names its entry point: api → service → api, the cycle model.api used to form. */
public interface Generator {

    Generators opener();
}
