package org.melodypalette.model.layers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.melodypalette.model.config.ContinuationConfig;

/**
 * Every layer of a continuation model (docs/ARCHITECTURE.md §12), read by its training step and its
 * inference kernel. With C classes and P positions:
 * <pre>
 *   stack    LSTMs continuation/multi_rnn_cell/cell_k/lstm_cell; layer 0 reads [previous one-hot C | position
 *            one-hot P], its kernel [C + P + H0, 4·H0]; layer k+1 reads layer k's h; zero initial state
 *   output   continuation/output_projection, dense [H_top] → [C]
 * </pre>
 */
public record ContinuationLayers(List<LstmSpec> stack, DenseSpec output, int classes, int positions) {

    /** The variable scope of every continuation layer. */
    public static final String SCOPE = "continuation";

    public ContinuationLayers {
        stack = List.copyOf(stack);
    }

    public static ContinuationLayers of(ContinuationConfig config) {
        int classes = config.numClasses();
        int positions = config.positions();
        List<LstmSpec> stack = new ArrayList<>();
        List<Integer> sizes = config.layerSizes();
        for (int k = 0; k < sizes.size(); k++) {
            stack.add(new LstmSpec(MagentaVariables.decoderCell(SCOPE, k), k == 0 ? classes + positions
                    : sizes.get(k - 1), sizes.get(k)));
        }
        DenseSpec output = new DenseSpec(MagentaVariables.outputProjection(SCOPE), sizes.get(sizes.size() - 1),
                classes);
        return new ContinuationLayers(stack, output, classes, positions);
    }

    /** Every variable with its shape: the stack's layers in order, then the output projection. */
    public Map<String, int[]> shapes() {
        Map<String, int[]> shapes = new LinkedHashMap<>();
        for (LstmSpec layer : stack) {
            shapes.put(layer.kernel(), layer.kernelShape());
            shapes.put(layer.bias(), layer.biasShape());
        }
        shapes.put(output.kernel(), output.kernelShape());
        shapes.put(output.bias(), output.biasShape());
        return shapes;
    }

    /** Sizes of the stacked layers. */
    public List<Integer> sizes() {
        return stack.stream().map(LstmSpec::hidden).toList();
    }
}
