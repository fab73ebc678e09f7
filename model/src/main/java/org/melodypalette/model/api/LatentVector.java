package org.melodypalette.model.api;

import java.util.Arrays;

/** A point in the model's latent space ({@code z}); immutable, compared by value. */
public final class LatentVector {

    private final float[] values;

    public LatentVector(float[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("a latent vector needs at least one dimension");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new IllegalArgumentException("latent dimension " + i + " is " + values[i]);
            }
        }
        this.values = values.clone();
    }

    public int size() {
        return values.length;
    }

    public float get(int i) {
        return values[i];
    }

    public float[] toArray() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LatentVector other && Arrays.equals(other.values, values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "LatentVector[" + values.length + "]";
    }
}
