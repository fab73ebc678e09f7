package org.melodypalette.model.net;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.melodypalette.model.checkpoint.WeightSet;
import org.melodypalette.model.checkpoint.WeightTensor;
import org.melodypalette.model.config.ModelConfig;
import org.melodypalette.model.layers.MagentaVariables;
import org.melodypalette.model.layers.ModelLayers;

/**
 * Every variable of a MusicVAE to train: Magenta's names and shapes ({@link ModelLayers}, in
 * the order we write them to a manifest) and their initial values, TF's defaults as Magenta uses
 * them: Glorot-uniform kernels, zero biases, and {@code N(0, 0.001²)} for the mu and sigma kernels.
 */
public final class MusicVaeVariables {

    /** How a variable starts. */
    public enum Init { GLOROT_UNIFORM, NORMAL_STDDEV_0_001, ZEROS }

    /** One variable: Magenta name, shape and initialiser. */
    public record Spec(String name, List<Integer> shape, Init init) {
        public Spec {
            shape = List.copyOf(shape);
        }

        public int[] shapeArray() {
            return shape.stream().mapToInt(Integer::intValue).toArray();
        }

        public int elementCount() {
            return shape.stream().reduce(1, (a, b) -> a * b);
        }
    }

    private MusicVaeVariables() {
    }

    /** The variables of {@code config}, in manifest order. */
    public static List<Spec> specs(ModelConfig config) {
        List<Spec> specs = new ArrayList<>();
        ModelLayers.of(config).shapes().forEach((name, shape) ->
                specs.add(new Spec(name, Arrays.stream(shape).boxed().toList(), initialiser(name))));
        return specs;
    }

    private static Init initialiser(String name) {
        if (name.endsWith("/bias")) {
            return Init.ZEROS;
        }
        boolean posterior = name.equals(MagentaVariables.kernel(MagentaVariables.MU))
                || name.equals(MagentaVariables.kernel(MagentaVariables.SIGMA));
        return posterior ? Init.NORMAL_STDDEV_0_001 : Init.GLOROT_UNIFORM;
    }

    /** Fresh initial weights for {@code config}, drawn from {@code seed} in spec order. */
    public static WeightSet initialize(ModelConfig config, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<WeightTensor> tensors = new ArrayList<>();
        for (Spec spec : specs(config)) {
            float[] values = new float[spec.elementCount()];
            if (spec.init() == Init.GLOROT_UNIFORM) {
                values = glorotUniform(spec.shape().get(0), spec.shape().get(1), random);
            } else if (spec.init() == Init.NORMAL_STDDEV_0_001) {
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) (0.001 * random.nextGaussian());
                }
            }
            tensors.add(new WeightTensor(spec.name(), spec.shapeArray(), values));
        }
        return new WeightSet(tensors);
    }

    /** A {@code [fanIn, fanOut]} kernel drawn uniformly from {@code ±√(6 / (fanIn + fanOut))} (Glorot), row-major. */
    public static float[] glorotUniform(int fanIn, int fanOut, SplittableRandom random) {
        float[] values = new float[fanIn * fanOut];
        double limit = Math.sqrt(6.0 / (fanIn + fanOut));
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) ((2 * random.nextDouble() - 1) * limit);
        }
        return values;
    }

    /**
     * Checks that {@code weights} holds every variable of {@code config} with its shape (extra
     * variables, such as cuDNN leftovers, are allowed).
     *
     * @throws IllegalArgumentException naming the first missing or mis-shaped variable
     */
    public static void requireMatches(ModelConfig config, WeightSet weights) {
        for (Spec spec : specs(config)) {
            weights.require(spec.name(), spec.shapeArray());
        }
    }

    /** Only the variables of {@code config}, in spec order. */
    public static WeightSet select(ModelConfig config, WeightSet weights) {
        requireMatches(config, weights);
        List<WeightTensor> tensors = new ArrayList<>();
        for (Spec spec : specs(config)) {
            tensors.add(weights.require(spec.name()));
        }
        return new WeightSet(tensors);
    }
}
