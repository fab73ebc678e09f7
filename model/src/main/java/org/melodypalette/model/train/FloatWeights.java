package org.melodypalette.model.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.melodypalette.model.checkpoint.WeightSet;
import org.melodypalette.model.checkpoint.WeightTensor;

/**
 * A model's weights while it trains on the CPU: one float array per variable, row-major, by name in
 * manifest order, updated in place by every step. {@link WeightSet} is what goes in and out
 * (checkpoints, evaluation), copied at that edge only.
 */
final class FloatWeights {

    private final Map<String, float[]> values;
    private final Map<String, int[]> shapes;

    private FloatWeights(Map<String, float[]> values, Map<String, int[]> shapes) {
        this.values = values;
        this.shapes = shapes;
    }

    /** A copy of {@code weights}. */
    static FloatWeights copyOf(WeightSet weights) {
        Map<String, float[]> values = new LinkedHashMap<>();
        Map<String, int[]> shapes = new LinkedHashMap<>();
        for (WeightTensor t : weights.tensors()) {
            values.put(t.name(), t.values().clone());
            shapes.put(t.name(), t.shape());
        }
        return new FloatWeights(values, shapes);
    }

    /** The live arrays by name (the step updates them in place). */
    Map<String, float[]> values() {
        return values;
    }

    /** A copy of the current values. */
    WeightSet snapshot() {
        List<WeightTensor> tensors = new ArrayList<>();
        values.forEach((name, array) -> tensors.add(new WeightTensor(name, shapes.get(name), array.clone())));
        return new WeightSet(tensors);
    }
}
