package org.melodypalette.model.rulesfixture.tensors.infer;

import org.nd4j.linalg.api.ndarray.INDArray;

/** An inference engine holding an ND4J array. */
public final class Kernel {

    public INDArray weights() {
        return null;
    }
}
