package org.melodypalette.model.backprop;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.melodypalette.model.config.ComputeOptions;
import org.melodypalette.model.config.ContinuationConfig;
import org.melodypalette.model.layers.ContinuationLayers;

/**
 * The continuation model's training loss and its gradient on every variable (docs/ARCHITECTURE.md §12),
 * on float arrays, the batch cut into one shard per thread ({@link LanguageModelPass}). The loss is the
 * mean cross-entropy per step, {@code Σ_{b,t} −log p(label_{b,t} | labels before it) / (B·T)}, in nats.
 *
 * <p>One caller at a time. The gradient arrays returned are reused by the next step.
 */
public final class ContinuationBackprop implements ParameterThreads, AutoCloseable {

    /**
     * The loss (mean nats per step), the steps predicted right by argmax, the gradients by name and
     * their global norm (as {@link MusicVaeBackprop.Result#gradientNorm}; both null/NaN without a backward pass).
     */
    public record Result(double loss, long hits, long predictions, Map<String, float[]> gradients,
                         double gradientNorm) {
    }

    private record Shard(int from, LanguageModelPass pass, Parameters gradients) {
    }

    private final ContinuationLayers layers;
    private final int batch;
    private final int steps;
    private final int classes;
    private final Arithmetic math;
    private final ShardPool<Shard> shards;
    private final GradientSum gradientSum;

    private ContinuationBackprop(ContinuationConfig config, Map<String, float[]> weights, int batch, int steps,
                                 int threads, Arithmetic math) {
        if (batch < 1 || threads < 1 || steps < 1) {
            throw new IllegalArgumentException("a batch of " + batch + " sequences of " + steps + " steps on "
                    + threads + " threads: all must be at least 1");
        }
        this.layers = ContinuationLayers.of(config);
        ContinuationWeights.of(layers, weights); // fails here, naming a missing or mis-sized variable
        this.batch = batch;
        this.steps = steps;
        this.classes = config.numClasses();
        this.math = math;
        List<Shard> states = new ArrayList<>();
        for (ShardPool.Slice slice : ShardPool.slices(batch, threads)) {
            states.add(new Shard(slice.from(), new LanguageModelPass(layers, slice.count(), steps),
                    Parameters.zerosLike(weights)));
        }
        this.shards = new ShardPool<>(states, "continuation-shard-", "continuation shard");
        this.gradientSum = new GradientSum(states.stream().map(Shard::gradients).toList(),
                new ParameterBlocks(weights, states.size()));
    }

    /**
     * @param weights every variable of {@code config} (any values), giving the names and sizes
     * @param batch   sequences per call
     * @param steps   steps per sequence
     * @param threads shards run at once (the first on the caller's thread)
     * @throws IllegalArgumentException naming a missing or mis-sized variable, or a size below 1
     */
    public static ContinuationBackprop create(ContinuationConfig config, Map<String, float[]> weights, int batch,
                                              int steps, int threads, ComputeOptions.Kernel kernel) {
        return new ContinuationBackprop(config, weights, batch, steps, threads, Arithmetic.create(kernel));
    }

    /** The shards' arithmetic in words, for logs. */
    public String description() {
        return math.getClass().getSimpleName() + ", " + shards.size() + " shard(s)";
    }

    /**
     * One forward and backward pass.
     *
     * @param weights every variable by name, row-major (read only)
     * @param labels  {@code [B][T]} class labels: each step's target, and the next step's input
     * @throws IllegalArgumentException naming the first input of the wrong size or out of range
     */
    public Result step(Map<String, float[]> weights, int[][] labels) {
        return run(weights, labels, true);
    }

    /** The loss and hits of {@link #step} without the backward pass; the result has no gradients. */
    public Result evaluate(Map<String, float[]> weights, int[][] labels) {
        return run(weights, labels, false);
    }

    private Result run(Map<String, float[]> weights, int[][] labels, boolean backward) {
        Labels.require(labels, batch, steps, classes);
        ContinuationWeights w = ContinuationWeights.of(layers, weights);
        float scale = (float) (1.0 / ((double) batch * steps));
        LanguageModelPass.Sums total = shards.run(shard -> runShard(shard, w, labels, scale, backward),
                LanguageModelPass.Sums::plus, (k, e) -> e);
        Map<String, float[]> gradients = null;
        double norm = Double.NaN;
        if (backward) {
            shards.runEach(k -> {
                gradientSum.addBlocksOf(k, math);
                return Boolean.TRUE;
            }, (a, b) -> a, (k, e) -> e);
            gradients = shards.shards().get(0).gradients().asMap();
            norm = Math.sqrt(gradientSum.squaredNorm());
        }
        long predictions = (long) batch * steps;
        return new Result(total.crossEntropy() / predictions, total.hits(), predictions, gradients, norm);
    }

    /** On the shard threads, each with the blocks whose gradients it summed. */
    @Override
    public void forEachParameterSlice(Consumer<List<ParameterBlocks.Block>> work) {
        shards.runEach(k -> {
            work.accept(gradientSum.blocks().of(k));
            return Boolean.TRUE;
        }, (a, b) -> a, (k, e) -> e);
    }

    private LanguageModelPass.Sums runShard(Shard shard, ContinuationWeights w, int[][] labels, float scale,
                                            boolean backward) {
        LanguageModelPass.Sums sums = shard.pass().forward(w, labels, shard.from(), math);
        if (backward) {
            shard.gradients().clear();
            shard.pass().backward(w, scale, shard.gradients(), math);
        }
        return sums;
    }

    @Override
    public void close() {
        shards.close();
    }
}
