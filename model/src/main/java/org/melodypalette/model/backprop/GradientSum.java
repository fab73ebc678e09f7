package org.melodypalette.model.backprop;

import java.util.List;

/**
 * The end of a sharded step: every shard's gradients added into the first shard's, in shard order
 * ({@code ((g0 + g1) + g2) …} element by element, whatever thread adds), and the sum of squares of
 * each block of the result for the global norm. Each shard thread runs {@link #addBlocksOf} on its
 * own blocks ({@link ParameterBlocks}); {@link #squaredNorm} is read after all have finished.
 */
final class GradientSum {

    private final List<Parameters> shards;
    private final ParameterBlocks blocks;
    private final double[] blockSquares;

    /** @param shards every shard's gradients, of the same variables, the first receiving the sum */
    GradientSum(List<Parameters> shards, ParameterBlocks blocks) {
        this.shards = List.copyOf(shards);
        this.blocks = blocks;
        this.blockSquares = new double[blocks.count()];
    }

    ParameterBlocks blocks() {
        return blocks;
    }

    /** Adds the shards' gradients on thread {@code thread}'s blocks and sums their squares. */
    void addBlocksOf(int thread, Arithmetic math) {
        for (ParameterBlocks.Block b : blocks.of(thread)) {
            float[] sum = shards.get(0).get(b.name());
            for (int k = 1; k < shards.size(); k++) {
                math.add(shards.get(k).get(b.name()), b.from(), sum, b.from(), b.to() - b.from());
            }
            blockSquares[b.index()] = ParameterBlocks.squares(sum, b.from(), b.to());
        }
    }

    /** The summed gradients' squared global norm, once every thread's {@link #addBlocksOf} has returned. */
    double squaredNorm() {
        return ParameterBlocks.total(blockSquares);
    }
}
