package org.melodypalette.model.backprop;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A model's parameters, variable after variable, cut into blocks of at most {@value #BLOCK_FLOATS}
 * floats (a block never spans two variables), and the blocks dealt out to {@code threads} threads:
 * thread k takes the blocks that start in {@code [N·k/threads, N·(k+1)/threads)} of the N parameters.
 * The step's work after backprop (the shards' gradient sum, the global norm, clipping and Adam) is
 * elementwise or a sum, so each thread does it on its own blocks with no locks.
 *
 * <p>The global norm's sum of squares is summed block by block ({@link #squares}) and the blocks'
 * sums added in block order ({@link #total}): the blocks do not depend on the thread count, so
 * neither does the norm.
 */
public final class ParameterBlocks {

    /** Floats per block: 64 KB, small enough to share out evenly, large enough that a block's loop dominates. */
    static final int BLOCK_FLOATS = 1 << 14;

    /** Floats {@code [from, to)} of the variable {@code name}, the {@code index}-th block of the model. */
    public record Block(int index, String name, int from, int to) {
    }

    private final List<List<Block>> byThread;
    private final int count;

    /**
     * @param variables every variable by name, in the model's order (only the array lengths are read)
     * @param threads   threads the blocks are dealt to, at least 1
     */
    public ParameterBlocks(Map<String, float[]> variables, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("parameter blocks for " + threads + " threads");
        }
        long total = 0;
        for (float[] values : variables.values()) {
            total += values.length;
        }
        List<List<Block>> lists = new ArrayList<>();
        for (int k = 0; k < threads; k++) {
            lists.add(new ArrayList<>());
        }
        int index = 0;
        long start = 0;
        for (Map.Entry<String, float[]> e : variables.entrySet()) {
            int length = e.getValue().length;
            for (int from = 0; from < length; from += BLOCK_FLOATS) {
                int thread = (int) ((start + from) * threads / Math.max(total, 1));
                lists.get(Math.min(thread, threads - 1))
                        .add(new Block(index++, e.getKey(), from, Math.min(from + BLOCK_FLOATS, length)));
            }
            start += length;
        }
        this.byThread = lists.stream().map(List::copyOf).toList();
        this.count = index;
    }

    /** The threads the blocks are dealt to. */
    public int threads() {
        return byThread.size();
    }

    /** Every block, in the model's order. */
    public int count() {
        return count;
    }

    /** Thread {@code thread}'s blocks, in the model's order. */
    public List<Block> of(int thread) {
        return byThread.get(thread);
    }

    /**
     * {@code Σ values[i]²} over {@code [from, to)}, in double: four running sums over interleaved
     * elements, added at the end (a fixed order, whatever thread runs it).
     */
    public static double squares(float[] values, int from, int to) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = from;
        for (; i + 3 < to; i += 4) {
            double a = values[i];
            double b = values[i + 1];
            double c = values[i + 2];
            double d = values[i + 3];
            s0 += a * a;
            s1 += b * b;
            s2 += c * c;
            s3 += d * d;
        }
        for (; i < to; i++) {
            double a = values[i];
            s0 += a * a;
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** The blocks' sums of squares added in block order: the squared global norm. */
    public static double total(double[] blockSquares) {
        double sum = 0;
        for (double s : blockSquares) {
            sum += s;
        }
        return sum;
    }

    /** The squared global norm of {@code variables}, block by block on one thread. */
    public static double squaredNorm(Map<String, float[]> variables) {
        ParameterBlocks blocks = new ParameterBlocks(variables, 1);
        double[] sums = new double[blocks.count()];
        for (Block b : blocks.of(0)) {
            sums[b.index()] = squares(variables.get(b.name()), b.from(), b.to());
        }
        return total(sums);
    }
}
