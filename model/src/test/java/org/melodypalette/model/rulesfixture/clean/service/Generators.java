package org.melodypalette.model.rulesfixture.clean.service;

import org.melodypalette.model.rulesfixture.clean.api.Generator;
import org.melodypalette.model.rulesfixture.clean.infer.Kernel;

/** An entry point: opens the engine behind the contract. */
public final class Generators {

    private Generators() {
    }

    public static Generator open() {
        return new Kernel();
    }
}
