package org.melodypalette.model.infer;

import java.util.List;
import org.melodypalette.model.checkpoint.WeightSet;
import org.melodypalette.model.checkpoint.WeightTensor;
import org.melodypalette.model.cpu.Rows;
import org.melodypalette.model.layers.DenseSpec;
import org.melodypalette.model.layers.LstmSpec;
import org.melodypalette.model.layers.ModelLayers;

/**
 * Magenta's categorical LSTM decoder (docs/ARCHITECTURE.md §6), conditioned on an embedding e (z for a
 * flat decoder, a bar embedding under a conductor). Layer 0's kernel {@code [C + E + H0, 4·H0]} is
 * used in three row blocks instead of concatenating its input: the previous output's row (a
 * lookup), e's projection (computed once per {@link #begin}, e is constant over the steps), and
 * the recurrent rows (the per-step matmul).
 */
final class NoteDecoder {

    private final LstmStack stack;
    private final int classes;
    /** {@code [C, 4·Hp0]}: layer 0's kernel row of each previous label, gate order. */
    private final float[] previousLabelRows;
    /** Layer 0's kernel rows of the embedding. */
    private final PackedMatrix embeddingRows;
    private final DenseLayer output;

    private int capacity;
    private float[] embeddingGates;
    private float[] gates;
    private float[] logits;
    private float[] preparedStates;
    private float[] preparedGates;

    /**
     * @param embeddingRowMap layout of the embedding rows as they arrive (z unpadded, or a padded
     *                        conductor state), indices counted from 0
     */
    NoteDecoder(ModelLayers specs, WeightSet weights, int[] embeddingRowMap, int lanes) {
        DenseSpec out = specs.outputProjection();
        this.classes = out.out();
        List<LstmSpec> cells = specs.decoder();
        List<LstmLayer> layers = LstmStack.layers(weights, cells, lanes);
        WeightTensor kernel0 = weights.require(cells.get(0).kernel());
        this.previousLabelRows = layers.get(0).rowTable(kernel0, 0, classes);
        this.embeddingRows = layers.get(0).rowsPacked(kernel0, shift(embeddingRowMap, classes));
        DenseSpec init = specs.decoderInitialState();
        this.stack = new LstmStack(layers, DenseLayer.of(weights.require(init.kernel()), weights.require(init.bias()),
                embeddingRowMap, LstmStack.stateColumns(cells, lanes), lanes));
        this.output = DenseLayer.of(weights.require(out.kernel()), weights.require(out.bias()),
                Layouts.segments(0, lanes, 1, out.in()), Layouts.segments(0, lanes, 4 * lanes, classes), lanes);
    }

    private static int[] shift(int[] map, int by) {
        int[] shifted = map.clone();
        for (int i = 0; i < shifted.length; i++) {
            shifted[i] = shifted[i] < 0 ? -1 : shifted[i] + by;
        }
        return shifted;
    }

    /** Re-initialises the state from the embedding and projects it through layer 0 once. */
    void begin(Kernel kernel, Rows embedding, int batch) {
        ensureCapacity(batch);
        stack.begin(kernel, embedding, batch);
        LstmLayer first = stack.layer(0);
        kernel.gemm(embeddingRows, first.biasRows(), embedding,
                new Rows(embeddingGates, 0, first.gateColumns()), batch);
    }

    /**
     * What {@link #begin} computes, for {@code rows} embeddings at once (every bar of a
     * hierarchical decode): the weights of the initial state and of the embedding's projection are
     * read once instead of once per bar, and stay out of the cache the per-step weights need.
     */
    void prepare(Kernel kernel, Rows embeddings, int rows) {
        int width = stack.layer(0).gateColumns();
        if (preparedStates == null || preparedStates.length < rows * stack.stateWidth()) {
            preparedStates = new float[rows * stack.stateWidth()];
            preparedGates = new float[rows * width];
        }
        stack.initialStates(kernel, embeddings, preparedStates, rows);
        kernel.gemm(embeddingRows, stack.layer(0).biasRows(), embeddings, new Rows(preparedGates, 0, width), rows);
    }

    /** {@link #begin} from rows {@code firstRow ..} of the last {@link #prepare}. */
    void beginPrepared(int firstRow, int batch) {
        ensureCapacity(batch);
        stack.beginFrom(preparedStates, firstRow, batch);
        int width = stack.layer(0).gateColumns();
        System.arraycopy(preparedGates, firstRow * width, embeddingGates, 0, batch * width);
    }

    /**
     * The LSTM part of one step given each sequence's previous label (−1 = the all-zero first
     * input); returns the top layer's h rows (valid until the next call), which
     * {@link #project} turns into logits.
     */
    Rows advance(Kernel kernel, int[] previous, int batch) {
        int width = stack.layer(0).gateColumns();
        for (int n = 0; n < batch; n++) {
            int row = n * width;
            int label = previous[n];
            if (label < 0) {
                System.arraycopy(embeddingGates, row, gates, row, width);
            } else {
                int table = label * width;
                for (int j = 0; j < width; j++) {
                    gates[row + j] = embeddingGates[row + j] + previousLabelRows[table + j];
                }
            }
        }
        return stack.step(kernel, new Rows(gates, 0, width), batch);
    }

    /**
     * The logits of rows {@code [firstRow, firstRow + rows)} of {@code top}, computed on the calling
     * thread alone (a {@link Kernel#split} task, {@code slot} its slot), into the same rows of
     * {@link #logits()}: each task can choose its rows' labels without waiting for the others.
     */
    void project(Kernel kernel, Rows top, int firstRow, int rows, int slot) {
        int width = output.outputs();
        kernel.gemmAlone(output.matrix, output.bias(), new Rows(top.data(), top.at(firstRow), top.stride()),
                new Rows(logits, firstRow * width, width), rows, slot);
    }

    /** The logits rows {@link #project} writes ({@code C} valid values each, then padding). */
    Rows logits() {
        return new Rows(logits, 0, output.outputs());
    }

    int classes() {
        return classes;
    }

    private void ensureCapacity(int batch) {
        if (batch > capacity) {
            capacity = batch;
            int width = stack.layer(0).gateColumns();
            embeddingGates = new float[batch * width];
            gates = new float[batch * width];
            logits = new float[batch * output.outputs()];
        }
    }
}
