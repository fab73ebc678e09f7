package org.melodypalette.model.backprop;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * A batch cut into shards, each run by one thread: shard 0 on the caller's thread, the others on daemon
 * pool threads. {@link #run} returns or throws only when every shard has finished, so no shard still
 * writes into arrays the next call reuses.
 *
 * <p>One caller at a time.
 *
 * @param <S> one shard's state (its slice of the batch, its pass, its gradients)
 */
final class ShardPool<S> implements AutoCloseable {

    /** Sequences {@code from .. from+count-1} of the batch. */
    record Slice(int from, int count) {
    }

    /** Idle shard threads end after this long, so a forgotten instance does not keep threads. */
    private static final long IDLE_SECONDS = 30;

    private final List<S> shards;
    private final String noun;
    private final ThreadPoolExecutor pool;

    /**
     * @param shards       one state per shard, at least one
     * @param threadPrefix the pool threads' names, numbered from 1
     * @param noun         what a shard is called in the message of an interrupted run
     */
    ShardPool(List<S> shards, String threadPrefix, String noun) {
        this.shards = List.copyOf(shards);
        this.noun = noun;
        int count = this.shards.size();
        AtomicInteger names = new AtomicInteger(1);
        this.pool = new ThreadPoolExecutor(count, count, IDLE_SECONDS, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, threadPrefix + names.getAndIncrement());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
    }

    /** A batch of {@code batch} sequences cut into {@code min(threads, batch)} slices of near-equal size. */
    static List<Slice> slices(int batch, int threads) {
        int count = Math.min(threads, batch);
        List<Slice> slices = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            int from = batch * k / count;
            int to = batch * (k + 1) / count;
            slices.add(new Slice(from, to - from));
        }
        return slices;
    }

    List<S> shards() {
        return shards;
    }

    int size() {
        return shards.size();
    }

    /**
     * Runs {@code work} on every shard and adds up the results with {@code plus}, in shard order.
     * An {@link Error} is thrown as it is; an exception of shard {@code k} as {@code describe.apply(k, e)};
     * the first failure is thrown with the later ones suppressed in it.
     */
    <R> R run(Function<S, R> work, BinaryOperator<R> plus,
              BiFunction<Integer, RuntimeException, RuntimeException> describe) {
        return runEach(k -> work.apply(shards.get(k)), plus, describe);
    }

    /** As {@link #run}, with {@code work} given the shard's number (0 on the caller's thread). */
    <R> R runEach(IntFunction<R> work, BinaryOperator<R> plus,
                  BiFunction<Integer, RuntimeException, RuntimeException> describe) {
        List<Future<R>> others = new ArrayList<>();
        for (int k = 1; k < shards.size(); k++) {
            int shard = k;
            others.add(pool.submit(() -> work.apply(shard)));
        }
        R total = null;
        Throwable failure = null;
        try {
            total = work.apply(0);
        } catch (RuntimeException | Error e) {
            failure = described(0, e, describe);
        }
        for (int k = 1; k < shards.size(); k++) {
            try {
                R sums = join(others.get(k - 1));
                total = total == null ? null : plus.apply(total, sums);
            } catch (RuntimeException | Error e) {
                Throwable described = described(k, e, describe);
                if (failure == null) {
                    failure = described;
                } else {
                    failure.addSuppressed(described);
                }
            }
        }
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure != null) {
            throw (RuntimeException) failure;
        }
        return total;
    }

    private static Throwable described(int shard, Throwable cause,
                                       BiFunction<Integer, RuntimeException, RuntimeException> describe) {
        return cause instanceof RuntimeException e ? describe.apply(shard, e) : cause;
    }

    /** The shard's result; its exception as thrown (an {@link Error} unchanged). */
    private <R> R join(Future<R> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a " + noun + " ran", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
