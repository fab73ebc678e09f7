package org.melodypalette.model.infer;

import org.melodypalette.model.cpu.Rows;

/** The sequence encoder: labels in, the vector the posterior heads ({@code mu}, {@code sigma}) read. */
interface Encoder {

    /**
     * Encodes {@code batch} sequences ({@code labels[n·numSteps + t]}) and writes each one's final
     * {@code [h_fw | h_bw]} ({@link #outputWidth()} floats, padded) to {@code out} row {@code n}.
     */
    void encode(Kernel kernel, int[] labels, int batch, Rows out);

    /** Padded width of the encoded vector: {@code 2·Hp} of the last layer. */
    int outputWidth();

    /** Kernel rows of {@code encoder/mu} in the order of the encoded vector's padded layout. */
    int[] outputRowMap();
}
