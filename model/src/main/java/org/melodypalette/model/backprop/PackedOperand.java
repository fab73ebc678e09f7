package org.melodypalette.model.backprop;

/**
 * The right operand {@code B [rows, cols]} of products that use it many times in a step (an LSTM's
 * recurrent kernel, once per time step): its view in an array ({@code B[q, j] = source[offset + q·ldb + j]})
 * and/or, where the arithmetic has a layout of its own, B copied into it once ({@code panels}); at least
 * one of the two. {@link Arithmetic#pack} makes it; it is read only, shared by threads,
 * and valid while the source is unchanged.
 */
record PackedOperand(float[] source, int offset, int ldb, int rows, int cols, float[] panels) {

    PackedOperand {
        if (source == null && panels == null) {
            throw new IllegalArgumentException("an operand needs its values as a view or as panels");
        }
        if (rows < 0 || cols < 0 || (source != null && (ldb < cols || offset < 0
                || (rows > 0 && offset + (long) (rows - 1) * ldb + cols > source.length)))) {
            throw new IllegalArgumentException("a [" + rows + " x " + cols + "] operand at " + offset + " with rows "
                    + ldb + " apart does not fit in " + source.length + " values");
        }
    }
}
