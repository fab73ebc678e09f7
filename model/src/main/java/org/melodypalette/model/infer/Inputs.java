package org.melodypalette.model.infer;

import org.melodypalette.model.cpu.Rows;

/** Scratch concatenation of a layer's two inputs, row by row, so a kernel reads one stream. */
final class Inputs {

    private Inputs() {
    }

    /**
     * {@code [x[b, 0:xCols] | h[b, 0:hCols]]} for each row into {@code buffer} (a new one if too small);
     * returns the rows, stride {@code xCols + hCols}. The copy is tiny next to the matmul it feeds.
     */
    static Rows concat(float[] buffer, Rows x, int xCols, Rows h, int hCols, int batch) {
        int width = xCols + hCols;
        float[] out = buffer.length >= batch * width ? buffer : new float[batch * width];
        for (int b = 0; b < batch; b++) {
            if (xCols > 0) {
                System.arraycopy(x.data(), x.at(b), out, b * width, xCols);
            }
            System.arraycopy(h.data(), h.at(b), out, b * width + xCols, hCols);
        }
        return new Rows(out, 0, width);
    }
}
