package org.melodypalette.model.rulesfixture.tensors.graphtrain;

import org.nd4j.linalg.api.ndarray.INDArray;

/** The graph's training step, where ND4J arrays belong. */
public final class GraphStep {

    public INDArray gradients() {
        return null;
    }
}
