package org.melodypalette.model.infer;

import java.util.Arrays;
import org.melodypalette.model.cpu.Rows;

/**
 * One bidirectional LSTM layer as TF's {@code bidirectional_dynamic_rnn} runs it: both directions
 * from zero state, forward over {@code t = 0..T-1}, backward over {@code t = T-1..0}, on the same
 * inputs. The input is either one-hot labels (a row lookup into the kernel, with the bias folded
 * in) or dense rows.
 *
 * <p>Output {@code out[t][b]} = {@code [h_fw(t) | h_bw(t)]}, each half {@code Hp} floats: the
 * input of a stacked layer above, and (at {@code t = T-1} forward, {@code t = 0} backward) the
 * final states the encoder concatenates.
 */
final class BidirectionalLstm {

    private final LstmLayer forward;
    private final LstmLayer backward;
    /** {@code [classes, 4·Hp]}: bias + kernel row of each label; null for a dense input. */
    private final float[] forwardTable;
    private final float[] backwardTable;

    /** A one-hot layer's first step, from {@code h = 0}: no recurrent rows (null for a dense input). */
    private final PackedMatrix noRecurrence;

    private int capacity;
    /** Per direction (the two may run at once on two threads): c, the gates' start, {@code [x | h]}. */
    private final float[][] cells = new float[2][];
    private final float[][] inits = new float[2][];
    private final float[][] concats = {new float[0], new float[0]};
    private float[] zeros;

    private BidirectionalLstm(LstmLayer forward, LstmLayer backward, float[] forwardTable, float[] backwardTable) {
        this.forward = forward;
        this.backward = backward;
        this.forwardTable = forwardTable;
        this.backwardTable = backwardTable;
        this.noRecurrence = forwardTable == null ? null
                : PackedMatrix.pack(new float[0], 0, new int[0], forward.columns, forward.matrix.group);
    }

    /** A layer reading one-hot labels of {@code classes} classes (kernel rows 0..classes-1). */
    static BidirectionalLstm oneHot(LstmWeights fw, LstmWeights bw, int classes, int lanes) {
        LstmLayer f = LstmLayer.of(fw.kernel(), fw.bias(), new int[0], lanes);
        LstmLayer b = LstmLayer.of(bw.kernel(), bw.bias(), new int[0], lanes);
        return new BidirectionalLstm(f, b, withBias(f, fw, classes), withBias(b, bw, classes));
    }

    /** A layer reading dense rows laid out as {@code inputRowMap} says. */
    static BidirectionalLstm dense(LstmWeights fw, LstmWeights bw, int[] inputRowMap, int lanes) {
        return new BidirectionalLstm(LstmLayer.of(fw.kernel(), fw.bias(), inputRowMap, lanes),
                LstmLayer.of(bw.kernel(), bw.bias(), inputRowMap, lanes), null, null);
    }

    private static float[] withBias(LstmLayer layer, LstmWeights w, int classes) {
        float[] table = layer.rowTable(w.kernel(), 0, classes);
        int width = layer.gateColumns();
        for (int c = 0; c < classes; c++) {
            for (int j = 0; j < width; j++) {
                table[c * width + j] += layer.bias[j];
            }
        }
        return table;
    }

    /** Floats per output row: {@code 2·Hp}. */
    int outputWidth() {
        return 2 * forward.padded;
    }

    int hidden() {
        return forward.hidden;
    }

    /**
     * Runs over one-hot labels: {@code labels[n·steps + t]} is the label of sequence {@code n} at
     * step {@code t}; writes {@code out[(t·batch + n)·outputWidth() ...]}.
     */
    void runOneHot(Kernel kernel, int[] labels, int steps, int batch, float[] out) {
        run(kernel, labels, null, 0, 0, steps, batch, out);
    }

    /** Runs over dense rows: step {@code t} of sequence {@code n} starts at {@code in[t·stepStride + n·rowStride]}. */
    void runDense(Kernel kernel, float[] in, int stepStride, int rowStride, int steps, int batch, float[] out) {
        run(kernel, null, in, stepStride, rowStride, steps, batch, out);
    }

    /** Copies {@code [h_fw(T-1) | h_bw(0)]} of each sequence to {@code dst[dstOffset + n·dstStride]}. */
    void finalStates(float[] out, int steps, int batch, float[] dst, int dstOffset, int dstStride) {
        int width = outputWidth();
        int half = forward.padded;
        for (int n = 0; n < batch; n++) {
            System.arraycopy(out, ((steps - 1) * batch + n) * width, dst, dstOffset + n * dstStride, half);
            System.arraycopy(out, n * width + half, dst, dstOffset + n * dstStride + half, half);
        }
    }

    private void run(Kernel kernel, int[] labels, float[] in, int stepStride, int rowStride, int steps,
                     int batch, float[] out) {
        ensureCapacity(batch);
        if (kernel.threads() <= 2) {
            kernel.split(2, (direction, slot) -> runDirection(kernel, direction, slot, labels, in, stepStride,
                    rowStride, steps, batch, out));
        } else {
            for (int direction = 0; direction < 2; direction++) {
                runDirection(kernel, direction, -1, labels, in, stepStride, rowStride, steps, batch, out);
            }
        }
    }

    /**
     * One direction over all steps. With a {@code slot} (≥ 0) the whole direction runs on that
     * thread ({@link Kernel#lstmAlone}): on two cores each core runs one direction with no barrier
     * between steps. With {@code slot} −1 each step's product is split over the team instead.
     * The first step of a one-hot layer starts from {@code h = 0}: its gates are its table row, so
     * it skips the recurrent product (whose terms are all zero).
     */
    private void runDirection(Kernel kernel, int direction, int slot, int[] labels, float[] in, int stepStride,
                              int rowStride, int steps, int batch, float[] out) {
        boolean isForward = direction == 0;
        LstmLayer layer = isForward ? forward : backward;
        float[] table = isForward ? forwardTable : backwardTable;
        int width = outputWidth();
        int gates = layer.gateColumns();
        float[] cell = cells[direction];
        float[] init = inits[direction];
        Arrays.fill(cell, 0, batch * layer.padded, 0f);
        Rows c = new Rows(cell, 0, layer.padded);
        Rows hPrev = new Rows(zeros, 0, layer.padded);
        for (int s = 0; s < steps; s++) {
            int t = isForward ? s : steps - 1 - s;
            Rows initRows;
            Rows x = null;
            if (table != null) {
                for (int n = 0; n < batch; n++) {
                    System.arraycopy(table, labels[n * steps + t] * gates, init, n * gates, gates);
                }
                initRows = new Rows(init, 0, gates);
            } else {
                initRows = layer.biasRows();
                x = new Rows(in, t * stepStride, rowStride);
            }
            PackedMatrix w = table != null && s == 0 ? noRecurrence : layer.matrix;
            Rows hOut = new Rows(out, t * batch * width + (isForward ? 0 : layer.padded), width);
            if (slot < 0) {
                kernel.lstm(w, layer.inputRows, initRows, x, hPrev, c, hOut, batch);
            } else {
                Rows inputs = layer.inputRows == 0 ? hPrev : Inputs.concat(concats[direction], x, layer.inputRows,
                        hPrev, layer.padded, batch);
                concats[direction] = inputs.data();
                kernel.lstmAlone(w, initRows, inputs, c, hOut, batch, slot);
            }
            hPrev = hOut;
        }
    }

    private void ensureCapacity(int batch) {
        if (batch > capacity) {
            capacity = batch;
            for (int direction = 0; direction < 2; direction++) {
                cells[direction] = new float[batch * forward.padded];
                inits[direction] = new float[batch * forward.gateColumns()];
            }
            zeros = new float[batch * forward.padded];
        }
    }
}
