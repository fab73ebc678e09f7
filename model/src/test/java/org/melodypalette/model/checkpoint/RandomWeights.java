package org.melodypalette.model.checkpoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.melodypalette.model.config.ModelConfig;
import org.melodypalette.model.layers.ModelLayers;

/** Seeded random weights for every variable of an architecture (tests of loading and inference). */
public final class RandomWeights {

    private RandomWeights() {
    }

    /** Kernels uniform in ±0.4, biases in ±0.2: large enough that every gate matters. */
    public static WeightSet of(ModelConfig config, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<WeightTensor> tensors = new ArrayList<>();
        for (Map.Entry<String, int[]> e : ModelLayers.of(config).shapes().entrySet()) {
            int size = 1;
            for (int d : e.getValue()) {
                size *= d;
            }
            double range = e.getValue().length == 1 ? 0.2 : 0.4;
            float[] values = new float[size];
            for (int i = 0; i < size; i++) {
                values[i] = (float) ((random.nextDouble() * 2 - 1) * range);
            }
            tensors.add(new WeightTensor(e.getKey(), e.getValue(), values));
        }
        return new WeightSet(tensors);
    }
}
