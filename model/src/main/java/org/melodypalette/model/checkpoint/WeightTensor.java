package org.melodypalette.model.checkpoint;

import java.util.Arrays;

/**
 * One named float32 variable, row-major with its manifest shape (kernels are {@code [in, out]},
 * y = x·K + b, as in TF). Names are Magenta's variable names, e.g.
 * {@code decoder/multi_rnn_cell/cell_0/lstm_cell/kernel}.
 *
 * <p>The value array is shared, not copied, so that multi-megabyte kernels are not duplicated:
 * callers must treat {@link #values()} as read-only.
 */
public final class WeightTensor {

    private final String name;
    private final int[] shape;
    private final float[] values;

    public WeightTensor(String name, int[] shape, float[] values) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a weight needs a name");
        }
        long size = 1;
        for (int d : shape) {
            if (d < 1) {
                throw new IllegalArgumentException(name + ": shape " + Arrays.toString(shape)
                        + " has a non-positive dimension");
            }
            size *= d;
        }
        if (size != values.length) {
            throw new IllegalArgumentException(name + ": shape " + Arrays.toString(shape) + " needs "
                    + size + " values, got " + values.length);
        }
        this.name = name;
        this.shape = shape.clone();
        this.values = values;
    }

    public String name() {
        return name;
    }

    public int[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    public int dim(int axis) {
        return shape[axis];
    }

    /** The row-major values; shared, never modify. */
    public float[] values() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WeightTensor other && other.name.equals(name)
                && Arrays.equals(other.shape, shape) && Arrays.equals(other.values, values);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape);
    }
}
