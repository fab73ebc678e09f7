package org.melodypalette.model.backprop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.melodypalette.model.config.ComputeOptions;

/** The step's work after backprop, shared out by blocks, gives the same sums on any number of threads. */
class ParameterBlocksTest {

    /** Sizes around the block size: smaller, equal, one more, several blocks and a ragged end. */
    private static Map<String, float[]> variables(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, float[]> variables = new LinkedHashMap<>();
        int[] sizes = {3, ParameterBlocks.BLOCK_FLOATS, ParameterBlocks.BLOCK_FLOATS + 1, 1,
                5 * ParameterBlocks.BLOCK_FLOATS + 77, 1000};
        for (int k = 0; k < sizes.length; k++) {
            float[] values = new float[sizes[k]];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) random.nextGaussian();
            }
            variables.put("v" + k, values);
        }
        return variables;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7})
    void everyParameterIsInExactlyOneBlockOfOneVariable(int threads) {
        Map<String, float[]> variables = variables(1);
        ParameterBlocks blocks = new ParameterBlocks(variables, threads);
        Map<String, int[]> covered = new LinkedHashMap<>();
        variables.forEach((name, values) -> covered.put(name, new int[values.length]));
        int index = 0;
        for (int k = 0; k < threads; k++) {
            for (ParameterBlocks.Block b : blocks.of(k)) {
                assertThat(b.index()).isEqualTo(index++);
                assertThat(b.to() - b.from()).isBetween(1, ParameterBlocks.BLOCK_FLOATS);
                for (int i = b.from(); i < b.to(); i++) {
                    covered.get(b.name())[i]++;
                }
            }
        }
        assertThat(index).isEqualTo(blocks.count());
        covered.forEach((name, counts) -> assertThat(counts).as(name).containsOnly(1));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 7})
    void shardSumsAndTheirNormAreTheSameOnAnyNumberOfThreads(int threads) {
        Summed serial = sum(1);
        Summed sharded = sum(threads);
        serial.gradients().forEach((name, values) -> assertThat(sharded.gradients().get(name)).as(name)
                .containsExactly(values));
        assertThat(sharded.squaredNorm()).isEqualTo(serial.squaredNorm());
    }

    @Test
    void theNormIsTheSumOfSquaresOfTheSummedGradients() {
        Summed summed = sum(2);
        double expected = 0;
        for (float[] values : summed.gradients().values()) {
            for (float g : values) {
                expected += (double) g * g;
            }
        }
        assertThat(summed.squaredNorm()).isCloseTo(expected, within(expected * 1e-12));
        assertThat(ParameterBlocks.squaredNorm(summed.gradients())).isEqualTo(summed.squaredNorm());
    }

    private record Summed(Map<String, float[]> gradients, double squaredNorm) {
    }

    /** Three shards' gradients summed on {@code threads} threads (run one after another, last first). */
    private static Summed sum(int threads) {
        List<Parameters> shards = List.of(new Parameters(variables(2)), new Parameters(variables(3)),
                new Parameters(variables(4)));
        GradientSum sum = new GradientSum(shards, new ParameterBlocks(shards.get(0).asMap(), threads));
        for (int k = threads - 1; k >= 0; k--) {
            sum.addBlocksOf(k, Arithmetic.create(ComputeOptions.Kernel.AUTO));
        }
        return new Summed(shards.get(0).asMap(), sum.squaredNorm());
    }
}
