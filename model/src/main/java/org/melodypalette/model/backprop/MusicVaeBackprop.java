package org.melodypalette.model.backprop;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.melodypalette.model.config.ComputeOptions;
import org.melodypalette.model.config.ModelConfig;

/**
 * MusicVAE's training loss and its gradient on every variable, computed by hand on float arrays:
 * the same math, variables and feeds as the SameDiff training graph ({@code MusicVaeGraph}, which
 * the tests hold it to), without a graph. On a CPU the graph's step is mostly per-op work done in
 * sequence; here every LSTM step is a handful of fused loops and one matrix product, the kernel
 * gradients are one product over all steps, one-hot inputs are kernel rows, and the batch is cut
 * into one shard per thread that runs the whole model for its sequences.
 *
 * <p>One caller at a time. The gradient arrays returned are reused by the next step.
 */
public final class MusicVaeBackprop implements ParameterThreads, AutoCloseable {

    /**
     * The loss pieces (batch means, as the graph's outputs), the gradients by Magenta name and their
     * global norm ({@code √Σ g²} over every variable, summed as {@link ParameterBlocks} says).
     */
    public record Result(double loss, double meanReconstruction, double meanKl, long hits,
                         Map<String, float[]> gradients, double gradientNorm) {
    }

    private final ModelConfig config;
    private final int batch;
    private final Arithmetic math;
    private final ShardPool<BatchShard> shards;
    private final GradientSum gradientSum;

    private MusicVaeBackprop(ModelConfig config, int batch, int threads, Arithmetic math,
                             Map<String, float[]> weights) {
        if (batch < 1 || threads < 1) {
            throw new IllegalArgumentException("a batch of " + batch + " on " + threads
                    + " threads: both must be at least 1");
        }
        StepWeights.of(config, weights); // fails here, naming a missing or mis-sized variable
        this.config = config;
        this.batch = batch;
        this.math = math;
        List<BatchShard> states = new ArrayList<>();
        for (ShardPool.Slice slice : ShardPool.slices(batch, threads)) {
            states.add(new BatchShard(config, slice.from(), slice.count(), Parameters.zerosLike(weights)));
        }
        this.shards = new ShardPool<>(states, "backprop-shard-", "training shard");
        this.gradientSum = new GradientSum(states.stream().map(shard -> shard.gradients).toList(),
                new ParameterBlocks(weights, states.size()));
    }

    /**
     * @param weights  every variable of {@code config} (any values), giving the names and sizes
     * @param batch    sequences per step
     * @param threads  shards run at once (the first on the caller's thread)
     * @throws IllegalArgumentException naming a missing or mis-sized variable, or a batch or thread count below 1
     */
    public static MusicVaeBackprop create(ModelConfig config, Map<String, float[]> weights, int batch, int threads) {
        return create(config, weights, batch, threads, ComputeOptions.fromSystemProperties().kernel());
    }

    /** As {@link #create(ModelConfig, Map, int, int)} on the arithmetic {@code kernel} asks for. */
    public static MusicVaeBackprop create(ModelConfig config, Map<String, float[]> weights, int batch, int threads,
                                          ComputeOptions.Kernel kernel) {
        return create(config, weights, batch, threads, Arithmetic.create(kernel));
    }

    /** As {@link #create(ModelConfig, Map, int, int)} on the given arithmetic (profiling wraps it). */
    static MusicVaeBackprop create(ModelConfig config, Map<String, float[]> weights, int batch, int threads,
                                   Arithmetic math) {
        return new MusicVaeBackprop(config, batch, threads, math, weights);
    }

    /** The shards' arithmetic in words, for logs and benchmark headers. */
    public String description() {
        return math.getClass().getSimpleName() + ", " + shards.size() + " shard(s)";
    }

    /**
     * One forward and backward pass, the shards' gradients summed (each shard thread adds its own
     * {@link ParameterBlocks}). Every shard has finished when this returns or throws.
     *
     * @param weights every variable by Magenta name, row-major (read only)
     * @param labels  {@code [B][T]} class labels: encoder input and decoder target
     * @param eps     {@code [B, Z]} reparameterisation noise
     * @param draw    scheduled sampling's inputs, or null for teacher forcing
     * @throws IllegalArgumentException naming the first input of the wrong size or out of range
     */
    public Result step(Map<String, float[]> weights, int[][] labels, float[] eps, double beta, SamplingInputs draw) {
        requireInputs(labels, eps, draw);
        StepWeights w = StepWeights.of(config, weights);
        BatchShard.Sums total = shards.run(shard -> shard.run(w, labels, eps, beta, batch, draw, math),
                BatchShard.Sums::plus, this::shardFailure);
        shards.runEach(k -> {
            gradientSum.addBlocksOf(k, math);
            return Boolean.TRUE;
        }, (a, b) -> a, this::shardFailure);
        double loss = total.reconstruction() / batch + beta * total.klCost() / batch;
        return new Result(loss, total.reconstruction() / batch, total.kl() / batch, total.hits(),
                shards.shards().get(0).gradients.asMap(), Math.sqrt(gradientSum.squaredNorm()));
    }

    /** On the shard threads, each with the blocks whose gradients it summed. */
    @Override
    public void forEachParameterSlice(Consumer<List<ParameterBlocks.Block>> work) {
        shards.runEach(k -> {
            work.accept(gradientSum.blocks().of(k));
            return Boolean.TRUE;
        }, (a, b) -> a, this::shardFailure);
    }

    private void requireInputs(int[][] labels, float[] eps, SamplingInputs draw) {
        int steps = config.numSteps();
        int classes = config.numClasses();
        Labels.require(labels, batch, steps, classes);
        requireLength("eps", eps.length, batch * config.zSize());
        if (draw != null) {
            requireLength("the teacher mask", draw.teacherMask().length, batch * steps);
            requireLength("the sampling noise", draw.noise().length, batch * steps * classes);
        }
    }

    private static void requireLength(String what, int length, int expected) {
        if (length != expected) {
            throw new IllegalArgumentException(what + " has " + length + " values, expected " + expected);
        }
    }

    /** An exception wrapped in one naming the shard. */
    private RuntimeException shardFailure(int shard, RuntimeException cause) {
        return new IllegalStateException("training shard " + shard + " of " + shards.size() + " failed: " + cause,
                cause);
    }

    @Override
    public void close() {
        shards.close();
    }
}
