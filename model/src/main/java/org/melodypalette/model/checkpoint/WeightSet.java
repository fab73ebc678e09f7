package org.melodypalette.model.checkpoint;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The variables of one model by Magenta name, in manifest order. What a checkpoint folder holds
 * besides its config, and what the training graph and the inference kernel exchange.
 */
public final class WeightSet {

    private final Map<String, WeightTensor> byName;

    public WeightSet(List<WeightTensor> tensors) {
        Map<String, WeightTensor> map = new LinkedHashMap<>();
        for (WeightTensor t : tensors) {
            if (map.put(t.name(), t) != null) {
                throw new IllegalArgumentException("variable " + t.name() + " appears twice");
            }
        }
        this.byName = map;
    }

    public boolean contains(String name) {
        return byName.containsKey(name);
    }

    /** The variable, checked against the expected shape; the error names both. */
    public WeightTensor require(String name, int... expectedShape) {
        WeightTensor t = byName.get(name);
        if (t == null) {
            throw new IllegalArgumentException("missing variable " + name);
        }
        if (expectedShape.length > 0 && !Arrays.equals(t.shape(), expectedShape)) {
            throw new IllegalArgumentException("variable " + name + " has shape "
                    + Arrays.toString(t.shape()) + ", expected " + Arrays.toString(expectedShape));
        }
        return t;
    }

    public Collection<WeightTensor> tensors() {
        return byName.values();
    }

    public int size() {
        return byName.size();
    }

    public long parameterCount() {
        long n = 0;
        for (WeightTensor t : byName.values()) {
            n += t.values().length;
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WeightSet other && other.byName.equals(byName);
    }

    @Override
    public int hashCode() {
        return byName.keySet().hashCode();
    }
}
