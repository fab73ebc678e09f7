package org.melodypalette.model.net;

import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Seeded double-precision arrays and scalar objectives for the graph-piece tests. */
final class GraphTesting {

    private GraphTesting() {
    }

    /** Uniform values in [−1, 1), double, c order. */
    static INDArray uniform(long seed, long... shape) {
        SplittableRandom random = new SplittableRandom(seed);
        INDArray array = Nd4j.zeros(DataType.DOUBLE, shape);
        INDArray flat = array.reshape(-1);
        for (long i = 0; i < flat.length(); i++) {
            flat.putScalar(i, 2 * random.nextDouble() - 1);
        }
        return array;
    }

    /**
     * {@code Σ output · W} with fixed random W: a scalar whose gradient reaches every output entry
     * with a different weight (a plain sum would hide entries that are swapped); set as the loss.
     */
    static SDVariable weightedSum(SameDiff sd, SDVariable output, long seed, String name, long... shape) {
        SDVariable loss = output.mul(sd.constant(uniform(seed, shape))).sum().rename(name);
        sd.setLossVariables(name);
        return loss;
    }
}
