package org.melodypalette.model.infer;

import java.util.List;
import org.melodypalette.model.checkpoint.WeightSet;
import org.melodypalette.model.cpu.Rows;
import org.melodypalette.model.layers.DenseSpec;
import org.melodypalette.model.layers.LstmSpec;
import org.melodypalette.model.layers.ModelLayers;

/**
 * The conductor of Magenta's hierarchical decoder (docs/ARCHITECTURE.md §7): an LSTM stack initialised
 * from z whose input is a dummy zero of size 1 (so layer 0's gates are its bias plus the recurrent
 * term); each step's top output is one bar's embedding.
 */
final class Conductor {

    private final LstmStack stack;
    private final int padded;

    Conductor(ModelLayers specs, WeightSet weights, int lanes) {
        List<LstmSpec> cells = specs.conductor();
        List<LstmLayer> layers = LstmStack.layers(weights, cells, lanes);
        DenseSpec init = specs.conductorInitialState();
        this.stack = new LstmStack(layers, DenseLayer.of(weights.require(init.kernel()), weights.require(init.bias()),
                Layouts.identity(0, init.in()), LstmStack.stateColumns(cells, lanes), lanes));
        this.padded = layers.get(layers.size() - 1).padded;
    }

    /** Layout of the bar embedding this conductor emits: the last layer's h, padded. */
    static int[] embeddingRowMap(ModelLayers specs, int lanes) {
        return Layouts.segments(0, lanes, 1, specs.noteEmbeddingSize());
    }

    int embeddingWidth() {
        return padded;
    }

    /**
     * Every bar's embedding: the conductor runs all its steps first (its input never depends on
     * the notes), so its weights stay in cache over its steps. Bar {@code s} of sequence {@code n}
     * goes to row {@code s·batch + n} of {@code out}, which needs {@code segments·batch} rows of
     * {@link #embeddingWidth()}.
     */
    Rows embeddings(Kernel kernel, Rows z, int batch, int segments, float[] out) {
        stack.begin(kernel, z, batch);
        for (int s = 0; s < segments; s++) {
            Rows h = stack.step(kernel, stack.layer(0).biasRows(), batch);
            for (int n = 0; n < batch; n++) {
                System.arraycopy(h.data(), h.at(n), out, (s * batch + n) * padded, padded);
            }
        }
        return new Rows(out, 0, padded);
    }
}
