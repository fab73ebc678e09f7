package org.melodypalette.model.rulesfixture.cycle.service;

import org.melodypalette.model.rulesfixture.cycle.api.Generator;

/** An entry point returning the contract. */
public final class Generators {

    private Generators() {
    }

    public static Generator open() {
        return Generators::new;
    }
}
