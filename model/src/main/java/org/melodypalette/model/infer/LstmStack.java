package org.melodypalette.model.infer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.melodypalette.model.checkpoint.WeightSet;
import org.melodypalette.model.cpu.Rows;
import org.melodypalette.model.layers.LstmSpec;

/**
 * Stacked LSTM layers stepped one step at a time (TF {@code MultiRNNCell}), their state initialised
 * as Magenta does from an embedding: {@code tanh(e·W + b)} split into {@code (c, h)} per layer, or
 * (a stack without an initial-state layer, the continuation model's) from zeros.
 * Layer 0's gates start from an init the caller supplies per step; layer k > 0 reads the new h of
 * layer k−1.
 */
final class LstmStack {

    private final List<LstmLayer> layers;
    private final DenseLayer initialState;
    /** Offsets of c_k and h_k in a state row ({@code [c0 | h0 | c1 | h1 ...]}, each padded). */
    private final int[] cellOffset;
    /** Width of a state row: the initial-state layer's outputs, or the cells' own padded sizes. */
    private final int width;

    private int capacity;
    private float[] state;
    private float[][] spareH;
    private Rows[] c;
    private Rows[] h;
    private Rows[] nextH;

    /** @param initialState the dense layer from an embedding to the state, or null for a stack that starts from zeros */
    LstmStack(List<LstmLayer> layers, DenseLayer initialState) {
        this.layers = List.copyOf(layers);
        this.initialState = initialState;
        this.cellOffset = new int[layers.size()];
        int offset = 0;
        for (int k = 0; k < layers.size(); k++) {
            cellOffset[k] = offset;
            offset += 2 * layers.get(k).padded;
        }
        this.width = initialState == null ? offset : initialState.outputs();
    }

    /**
     * The layers {@code specs} describe, packed: layer 0's input arrives another way (a one-hot row,
     * a projection, the conductor's zero dummy), layer k+1 reads layer k's padded h.
     */
    static List<LstmLayer> layers(WeightSet weights, List<LstmSpec> specs, int lanes) {
        List<LstmLayer> layers = new ArrayList<>();
        for (int k = 0; k < specs.size(); k++) {
            LstmWeights w = LstmWeights.of(weights, specs.get(k));
            int[] input = k == 0 ? new int[0] : Layouts.segments(0, lanes, 1, specs.get(k - 1).hidden());
            layers.add(LstmLayer.of(w.kernel(), w.bias(), input, lanes));
        }
        return layers;
    }

    /** Column map of the initial-state dense layer for LSTM layers of these sizes. */
    static int[] stateColumns(List<LstmSpec> layers, int lanes) {
        int[] sizes = new int[2 * layers.size()];
        for (int k = 0; k < layers.size(); k++) {
            sizes[2 * k] = layers.get(k).hidden();
            sizes[2 * k + 1] = layers.get(k).hidden();
        }
        return Layouts.segments(0, lanes, 4 * lanes, sizes);
    }

    LstmLayer layer(int k) {
        return layers.get(k);
    }

    /** Sets every sequence's state from its embedding row. */
    void begin(Kernel kernel, Rows embedding, int batch) {
        ensureCapacity(batch);
        initialStates(kernel, embedding, state, batch);
        useState();
    }

    /** Every sequence's state set to zeros (c and h of every layer). */
    void beginZero(int batch) {
        ensureCapacity(batch);
        Arrays.fill(state, 0, batch * width, 0f);
        useState();
    }

    /** Width of one sequence's state row ({@code [c0 | h0 | c1 | h1 ...]}, padded). */
    int stateWidth() {
        return width;
    }

    /** The initial states of {@code rows} embeddings into {@code out}, {@code [rows, stateWidth]}, in one pass. */
    void initialStates(Kernel kernel, Rows embeddings, float[] out, int rows) {
        int width = initialState.outputs();
        Rows outRows = new Rows(out, 0, width);
        initialState.apply(kernel, embeddings, outRows, rows);
        kernel.tanh(outRows, width, rows);
    }

    /** Sets every sequence's state from rows {@code firstRow ..} of states made by {@link #initialStates}. */
    void beginFrom(float[] states, int firstRow, int batch) {
        ensureCapacity(batch);
        System.arraycopy(states, firstRow * width, state, 0, batch * width);
        useState();
    }

    /** Points c and h of every layer at the state rows. */
    private void useState() {
        for (int k = 0; k < layers.size(); k++) {
            c[k] = new Rows(state, cellOffset[k], width);
            h[k] = new Rows(state, cellOffset[k] + layers.get(k).padded, width);
            nextH[k] = new Rows(spareH[k], 0, layers.get(k).padded);
        }
    }

    /** One step; {@code layer0Init} holds layer 0's gate pre-activations without its recurrent term. */
    Rows step(Kernel kernel, Rows layer0Init, int batch) {
        for (int k = 0; k < layers.size(); k++) {
            LstmLayer layer = layers.get(k);
            Rows init = k == 0 ? layer0Init : layer.biasRows();
            Rows x = k == 0 ? null : h[k - 1];
            kernel.lstm(layer.matrix, layer.inputRows, init, x, h[k], c[k], nextH[k], batch);
            Rows old = h[k];
            h[k] = nextH[k];
            nextH[k] = old;
        }
        return h[layers.size() - 1];
    }

    private void ensureCapacity(int batch) {
        if (batch > capacity) {
            capacity = batch;
            state = new float[batch * width];
            spareH = new float[layers.size()][];
            for (int k = 0; k < layers.size(); k++) {
                spareH[k] = new float[batch * layers.get(k).padded];
            }
            c = new Rows[layers.size()];
            h = new Rows[layers.size()];
            nextH = new Rows[layers.size()];
        }
    }
}
