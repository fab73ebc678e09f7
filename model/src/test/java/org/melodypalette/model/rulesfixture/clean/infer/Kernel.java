package org.melodypalette.model.rulesfixture.clean.infer;

import org.melodypalette.model.rulesfixture.clean.api.Generator;

/** An engine implementing a contract. */
public final class Kernel implements Generator {

    @Override
    public String name() {
        return "kernel";
    }
}
