package org.melodypalette.model.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melodypalette.model.backprop.ParameterBlocks;
import org.melodypalette.model.checkpoint.CheckpointException;
import org.melodypalette.model.config.ModelPresets;
import org.melodypalette.model.config.TrainingConfig;

class AdamOptimizerTest {

    @TempDir
    Path dir;

    private static final Map<String, long[]> SHAPES = new LinkedHashMap<>(Map.of("w", new long[] {2}));

    private static Map<String, float[]> gradient(float... values) {
        return Map.of("w", values);
    }

    @Test
    void twoUpdatesFollowTfAdamWithBiasCorrection() {
        AdamOptimizer adam = AdamOptimizer.fresh(SHAPES);
        float[] w = {1f, -1f};
        Map<String, float[]> params = Map.of("w", w);

        adam.update(params, gradient(0.5f, -2f), 1f, 0.1);
        adam.update(params, gradient(0.25f, 1f), 1f, 0.1);

        double[] expected = {1, -1};
        double[] m = new double[2];
        double[] v = new double[2];
        double[][] grads = {{0.5, -2}, {0.25, 1}};
        for (int t = 1; t <= 2; t++) {
            double step = 0.1 * Math.sqrt(1 - Math.pow(0.999, t)) / (1 - Math.pow(0.9, t));
            for (int i = 0; i < 2; i++) {
                m[i] = 0.9 * m[i] + 0.1 * grads[t - 1][i];
                v[i] = 0.999 * v[i] + 0.001 * grads[t - 1][i] * grads[t - 1][i];
                expected[i] -= step * m[i] / (Math.sqrt(v[i]) + 1e-8);
            }
        }
        assertThat((double) w[0]).isCloseTo(expected[0], within(1e-6));
        assertThat((double) w[1]).isCloseTo(expected[1], within(1e-6));
        assertThat(adam.updates()).isEqualTo(2);
    }

    @Test
    void stateRoundTripsThroughItsFileAndContinuesIdentically() throws IOException {
        AdamOptimizer adam = AdamOptimizer.fresh(SHAPES);
        float[] w = {1f, -1f};
        adam.update(Map.of("w", w), gradient(0.5f, -2f), 1f, 0.1);
        Path file = dir.resolve(AdamOptimizer.FILE_NAME);
        adam.write(file);
        AdamOptimizer reloaded = AdamOptimizer.read(file, SHAPES);
        float[] w2 = w.clone();

        adam.update(Map.of("w", w), gradient(0.25f, 1f), 1f, 0.1);
        reloaded.update(Map.of("w", w2), gradient(0.25f, 1f), 1f, 0.1);

        assertThat(reloaded.updates()).isEqualTo(2);
        assertThat(w2).isEqualTo(w);
    }

    @Test
    void truncatedOrMismatchedStateIsRefusedWithTheFileName() throws IOException {
        Path file = dir.resolve(AdamOptimizer.FILE_NAME);
        AdamOptimizer.fresh(SHAPES).write(file);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 3));

        assertThatThrownBy(() -> AdamOptimizer.read(file, SHAPES)).isInstanceOf(CheckpointException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("truncated or mismatched");

        AdamOptimizer.fresh(SHAPES).write(file);
        assertThatThrownBy(() -> AdamOptimizer.read(file, Map.of("w", new long[] {3})))
                .hasMessageContaining("optimizer tensor w has shape [2], the model has [3]");
        Files.writeString(file, "not adam");
        assertThatThrownBy(() -> AdamOptimizer.read(file, SHAPES)).hasMessageContaining("bad magic");
    }

    @Test
    void schedulesFollowMagentasFormulas() {
        TrainingConfig config = ModelPresets.byName("cat-mel_2bar_small").training();

        assertThat(Schedules.learningRate(config, 0)).isCloseTo(1e-3, within(1e-15));
        assertThat(Schedules.learningRate(config, 10_000))
                .isCloseTo((1e-3 - 1e-5) * Math.pow(0.9999, 10_000) + 1e-5, within(1e-15));
        assertThat(Schedules.beta(config, 0)).isZero();
        assertThat(Schedules.beta(config, 100_000)).isCloseTo((1 - Math.pow(0.99999, 100_000)) * 0.2, within(1e-12));
        assertThat(Schedules.teacherForcing(config, 0)).isCloseTo(1000.0 / 1001, within(1e-15));
        assertThat(Schedules.teacherForcing(config, 3000)).isCloseTo(1000 / (1000 + Math.exp(3)), within(1e-15));
        assertThat(Schedules.teacherForcing(config, 1_000_000)).isZero();
        assertThat(Schedules.teacherForcing(ModelPresets.byName("tiny-test").training(), 1_000_000)).isEqualTo(1.0);
    }

    @Test
    void gradientsAreClippedToTheGlobalNormOrZeroedWhenHuge() {
        Map<String, float[]> gradients = new LinkedHashMap<>();
        gradients.put("a", new float[] {3f, 0f});
        gradients.put("b", new float[] {4f});

        double norm = Math.sqrt(ParameterBlocks.squaredNorm(gradients));
        float scale = Trainer.clipScale(norm, 1.0);

        assertThat(norm).isCloseTo(5.0, within(1e-6));
        assertThat((double) (gradients.get("a")[0] * scale)).isCloseTo(0.6, within(1e-6));
        assertThat((double) (gradients.get("b")[0] * scale)).isCloseTo(0.8, within(1e-6));
        assertThat(Trainer.clipScale(Math.sqrt(ParameterBlocks.squaredNorm(Map.of("a", new float[] {2e4f}))), 1.0))
                .isZero();
    }

    /** The update is elementwise: shared out over any number of threads' blocks it leaves the same bits. */
    @Test
    void anUpdateByBlocksOnSeveralThreadsEqualsOneOnOne() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        Map<String, long[]> shapes = new LinkedHashMap<>();
        shapes.put("a", new long[] {100, 400});
        shapes.put("b", new long[] {3});
        Map<String, float[]> one = new LinkedHashMap<>();
        Map<String, float[]> gradients = new LinkedHashMap<>();
        shapes.forEach((name, shape) -> {
            float[] p = new float[(int) (shape[0] * (shape.length > 1 ? shape[1] : 1))];
            float[] g = new float[p.length];
            for (int i = 0; i < p.length; i++) {
                p[i] = (float) random.nextGaussian();
                g[i] = (float) random.nextGaussian();
            }
            one.put(name, p);
            gradients.put(name, g);
        });
        Map<String, float[]> three = new LinkedHashMap<>();
        one.forEach((name, p) -> three.put(name, p.clone()));
        float[] before = one.get("a").clone();
        AdamOptimizer serial = AdamOptimizer.fresh(shapes);
        AdamOptimizer sharded = AdamOptimizer.fresh(shapes);
        ParameterBlocks single = new ParameterBlocks(one, 1);
        ParameterBlocks blocks = new ParameterBlocks(three, 3);
        for (int t = 0; t < 2; t++) {
            serial.update(work -> work.accept(single.of(0)), one, gradients, 0.5f, 0.01);
            sharded.update(work -> {
                for (int k = 0; k < 3; k++) {
                    work.accept(blocks.of(k));
                }
            }, three, gradients, 0.5f, 0.01);
        }
        one.forEach((name, p) -> assertThat(three.get(name)).as(name).containsExactly(p));
        assertThat(one.get("a")).isNotEqualTo(before);
    }
}
