package org.melodypalette.model.backprop;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.melodypalette.model.config.ModelConfig;

/**
 * MusicVAE's training loss and its gradient on every variable, computed by hand on float arrays:
 * the same math, variables and feeds as the SameDiff training graph ({@code MusicVaeGraph}, which
 * the tests hold it to), without a graph. On a CPU the graph's step is mostly per-op work done in
 * sequence; here every LSTM step is a handful of fused loops and one matrix product, the kernel
 * gradients are one product over all steps, one-hot inputs are kernel rows, and the batch is cut
 * into one shard per thread that runs the whole model for its sequences (docs/measurements/
 * training-throughput.txt).
 *
 * <p>One caller at a time. The gradient arrays returned are reused by the next step.
 */
public final class MusicVaeBackprop implements AutoCloseable {

    /** The loss pieces (batch means, as the graph's outputs) and the gradients, by Magenta name. */
    public record Result(double loss, double meanReconstruction, double meanKl, long hits,
                         Map<String, float[]> gradients) {
    }

    private final ModelConfig config;
    private final int batch;
    private final Arithmetic math;
    private final List<BatchShard> shards = new ArrayList<>();
    private final ExecutorService pool;

    private MusicVaeBackprop(ModelConfig config, int batch, int threads, Arithmetic math,
                             Map<String, float[]> shapes) {
        this.config = config;
        this.batch = batch;
        this.math = math;
        int shardCount = Math.max(1, Math.min(threads, batch));
        for (int k = 0; k < shardCount; k++) {
            int from = batch * k / shardCount;
            int to = batch * (k + 1) / shardCount;
            shards.add(new BatchShard(config, from, to - from, Parameters.zerosLike(shapes)));
        }
        this.pool = shardCount == 1 ? null : Executors.newFixedThreadPool(shardCount - 1, runnable -> {
            Thread thread = new Thread(runnable, "backprop-shard");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * @param weights  every variable of {@code config} (any values), giving the names and sizes
     * @param batch    sequences per step
     * @param threads  shards run at once (each on its own thread, the first on the caller's)
     */
    public static MusicVaeBackprop create(ModelConfig config, Map<String, float[]> weights, int batch, int threads) {
        return new MusicVaeBackprop(config, batch, threads, Arithmetics.best(), weights);
    }

    /** The shards' arithmetic in words, for logs and benchmark headers. */
    public String description() {
        return math.getClass().getSimpleName() + ", " + shards.size() + " shard(s)";
    }

    /**
     * One forward and backward pass.
     *
     * @param weights every variable by Magenta name, row-major (read only)
     * @param labels  {@code [B][T]} class labels: encoder input and decoder target
     * @param eps     {@code [B, Z]} reparameterisation noise
     * @param draw    scheduled sampling's inputs, or null for teacher forcing
     */
    public Result step(Map<String, float[]> weights, int[][] labels, float[] eps, double beta, SamplingInputs draw) {
        if (labels.length != batch) {
            throw new IllegalArgumentException("a batch of " + labels.length + " sequences, expected " + batch);
        }
        StepWeights w = StepWeights.of(config, weights);
        List<Future<BatchShard.Sums>> others = new ArrayList<>();
        for (int k = 1; k < shards.size(); k++) {
            BatchShard shard = shards.get(k);
            others.add(pool.submit(() -> shard.run(w, labels, eps, beta, batch, draw, math)));
        }
        BatchShard first = shards.get(0);
        BatchShard.Sums total = first.run(w, labels, eps, beta, batch, draw, math);
        for (int k = 1; k < shards.size(); k++) {
            BatchShard.Sums sums = join(others.get(k - 1));
            first.gradients.add(shards.get(k).gradients);
            total = new BatchShard.Sums(total.reconstruction() + sums.reconstruction(), total.kl() + sums.kl(),
                    total.klCost() + sums.klCost(), total.hits() + sums.hits());
        }
        double loss = total.reconstruction() / batch + beta * total.klCost() / batch;
        return new Result(loss, total.reconstruction() / batch, total.kl() / batch, total.hits(),
                first.gradients.asMap());
    }

    private static BatchShard.Sums join(Future<BatchShard.Sums> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a training shard ran", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
