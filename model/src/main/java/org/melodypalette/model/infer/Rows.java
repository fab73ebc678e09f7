package org.melodypalette.model.infer;

/**
 * A view of {@code batch} rows inside a float array: row {@code b} starts at
 * {@code offset + b·stride}. A stride of 0 makes every row the same (a bias shared by the batch).
 */
record Rows(float[] data, int offset, int stride) {

    int at(int row) {
        return offset + row * stride;
    }

    /** The same rows moved {@code columns} to the right. */
    Rows shifted(int columns) {
        return new Rows(data, offset + columns, stride);
    }
}
