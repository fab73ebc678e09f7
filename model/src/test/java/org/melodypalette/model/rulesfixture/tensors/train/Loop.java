package org.melodypalette.model.rulesfixture.tensors.train;

import org.nd4j.linalg.factory.Nd4j;

/** A training loop that asks ND4J for its backend itself instead of leaving that to the graph's side. */
public final class Loop {

    public boolean onCpu() {
        return Nd4j.getEnvironment().isCPU();
    }
}
