package org.melodypalette.model.backprop;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.melodypalette.model.layers.MagentaVariables;

/**
 * One shard's gradients: float arrays by Magenta variable name, row-major, the sizes of the
 * variables (summed over the shards at the end of a step by {@link GradientSum}).
 */
final class Parameters {

    private final Map<String, float[]> arrays;

    Parameters(Map<String, float[]> arrays) {
        this.arrays = arrays;
    }

    /** Zeros of the same names and sizes. */
    static Parameters zerosLike(Map<String, float[]> like) {
        Map<String, float[]> zeros = new LinkedHashMap<>();
        like.forEach((name, values) -> zeros.put(name, new float[values.length]));
        return new Parameters(zeros);
    }

    float[] get(String name) {
        float[] a = arrays.get(name);
        if (a == null) {
            throw new IllegalArgumentException("no variable " + name);
        }
        return a;
    }

    float[] kernel(String scope) {
        return get(MagentaVariables.kernel(scope));
    }

    float[] bias(String scope) {
        return get(MagentaVariables.bias(scope));
    }

    Map<String, float[]> asMap() {
        return arrays;
    }

    void clear() {
        for (float[] a : arrays.values()) {
            Arrays.fill(a, 0f);
        }
    }
}
