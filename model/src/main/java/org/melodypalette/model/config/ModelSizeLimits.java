package org.melodypalette.model.config;

import java.util.List;

/**
 * Upper bounds on every size in a model or training config, checked when the config is built
 * (from a preset or {@code config.json}) so that no value that passes can make encoding, sampling
 * or training try to allocate more than the program can: each size is capped, and the parameters
 * the sizes imply must fit the largest checkpoint a folder may hold (2 GB of float32, the loader's
 * limit). The caps are far above Magenta's largest melody models (LSTMs of 2048, z of 512,
 * 16 bars of 16 steps, batches of 512).
 */
public final class ModelSizeLimits {

    public static final int MAX_LAYER_SIZE = 4096;
    public static final int MAX_LAYERS = 8;
    public static final int MAX_Z_SIZE = 4096;
    /** 256 bars of 16 steps. */
    public static final int MAX_NUM_STEPS = 4096;
    public static final int MAX_STEPS_PER_BAR = 96;
    public static final int MAX_BATCH_SIZE = 8192;
    /** float32 parameters in a 2 GB checkpoint. */
    public static final long MAX_PARAMETERS = (2L << 30) / 4;

    private ModelSizeLimits() {
    }

    /** Fails with one sentence naming the config and the first size over its cap. */
    static void check(String name, List<Integer> encoderSizes, List<Integer> decoderSizes, List<Integer> conductorSizes,
                      int zSize, int numSteps, int stepsPerBar, int numClasses) {
        layers(name, "encoderSizes", encoderSizes);
        layers(name, "decoderSizes", decoderSizes);
        layers(name, "conductorSizes", conductorSizes);
        at(name, "zSize", zSize, MAX_Z_SIZE);
        at(name, "numSteps", numSteps, MAX_NUM_STEPS);
        at(name, "stepsPerBar", stepsPerBar, MAX_STEPS_PER_BAR);
        long parameters = parameterBound(encoderSizes, decoderSizes, conductorSizes, zSize, numClasses);
        if (parameters > MAX_PARAMETERS) {
            throw new IllegalArgumentException(name + ": its layer sizes imply about " + parameters
                    + " parameters, more than the " + MAX_PARAMETERS + " (2 GB of float32) a checkpoint may hold");
        }
    }

    /**
     * A lower bound on the memory one training step takes: the LSTM states (h and c) the backward
     * pass keeps for every step, layer and window of the batch, encoder layers in both directions.
     * A real step takes more (gates, gradients, Adam's moments), so a config over the heap cannot
     * train at all.
     */
    public static long trainingBytesLowerBound(ModelConfig config) {
        long units = 0;
        for (int size : config.encoderSizes()) {
            units += 2L * size;
        }
        for (List<Integer> sizes : List.of(config.decoderSizes(), config.conductorSizes())) {
            for (int size : sizes) {
                units += size;
            }
        }
        return 4L * config.training().batchSize() * config.numSteps() * 2 * units;
    }

    /**
     * Fails, before anything is allocated, when a training step of {@code config} cannot fit in
     * {@code maxBytes} (the JVM's heap: {@code Runtime.maxMemory()}).
     */
    public static void requireTrainingFits(ModelConfig config, long maxBytes) {
        long needed = trainingBytesLowerBound(config);
        if (needed > maxBytes) {
            throw new IllegalArgumentException(config.name() + ": a training step on batches of "
                    + config.training().batchSize() + " windows of " + config.numSteps() + " steps needs at least "
                    + (needed >> 20) + " MB, more than the " + (maxBytes >> 20) + " MB this program may use; lower "
                    + "batchSize or the layer sizes, or give Java more memory (-Xmx)");
        }
    }

    /** Fails when the training batch is over {@link #MAX_BATCH_SIZE}. */
    static void checkBatch(int batchSize) {
        at(null, "batchSize", batchSize, MAX_BATCH_SIZE);
    }

    private static void layers(String name, String field, List<Integer> sizes) {
        if (sizes.size() > MAX_LAYERS) {
            throw new IllegalArgumentException(name + ": " + field + " has " + sizes.size() + " layers, at most "
                    + MAX_LAYERS);
        }
        for (int size : sizes) {
            at(name, field, size, MAX_LAYER_SIZE);
        }
    }

    private static void at(String name, String field, long value, long max) {
        if (value > max) {
            throw new IllegalArgumentException((name == null ? "" : name + ": ") + field + " " + value + " is larger than " + max
                    + ", the most this program allocates for it");
        }
    }

    /**
     * An upper bound on the parameters: every LSTM layer (both directions of an encoder layer) as
     * if it read the widest input any layer reads, plus the dense layers around z.
     */
    private static long parameterBound(List<Integer> encoderSizes, List<Integer> decoderSizes,
                                       List<Integer> conductorSizes, int zSize, int numClasses) {
        long widest = 0;
        for (List<Integer> sizes : List.of(encoderSizes, decoderSizes, conductorSizes)) {
            for (int size : sizes) {
                widest = Math.max(widest, size);
            }
        }
        long input = numClasses + zSize + 2 * widest;
        long total = 0;
        for (int size : encoderSizes) {
            total += 2 * 4L * (input + size + 1) * size;
        }
        for (List<Integer> sizes : List.of(decoderSizes, conductorSizes)) {
            for (int size : sizes) {
                total += 4L * (input + size + 1) * size;
            }
        }
        long dense = 2 * (2 * widest + 1) * zSize + (zSize + 1) * 2 * widest * MAX_LAYERS + (widest + 1) * numClasses;
        return total + dense;
    }
}
