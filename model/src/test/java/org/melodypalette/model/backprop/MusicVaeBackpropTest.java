package org.melodypalette.model.backprop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.melodypalette.model.checkpoint.WeightSet;
import org.melodypalette.model.checkpoint.WeightTensor;
import org.melodypalette.model.config.ModelConfig;
import org.melodypalette.model.config.ModelConfig.DecoderKind;
import org.melodypalette.model.config.ModelConfig.EncoderKind;
import org.melodypalette.model.config.ModelPresets;
import org.melodypalette.model.data.MelodyTensors;
import org.melodypalette.model.layers.MagentaVariables;
import org.melodypalette.model.net.MusicVaeGraph;
import org.melodypalette.model.net.MusicVaeGraph.DecoderInputs;
import org.melodypalette.model.net.MusicVaeVariables;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The hand-written training step computes what the SameDiff training graph computes: on the same
 * weights and feeds, the loss, mean reconstruction loss, mean KL, argmax hits and the gradient on
 * every variable, for flat and hierarchical encoders and decoders with one to three layers and
 * mixed (hierarchical encoder, flat decoder), teacher-forced and under scheduled sampling, on 1–3
 * threads with batches they do not divide, with the KL above, below and on both sides of the free
 * bits, and over consecutive steps of one instance. The graph runs in double precision; the
 * tolerances cover our float32 arithmetic.
 */
class MusicVaeBackpropTest {

    private static final int BATCH = 5;
    private static final double BETA = 0.7;

    static Stream<Arguments> cases() {
        ModelConfig tiny = ModelPresets.byName("tiny-test");
        ModelConfig tinyHier = ModelPresets.byName("tiny-test-hier");
        ModelConfig deepFlat = tiny.withName("three-layers-flat")
                .withEncoder(EncoderKind.FLAT, List.of(6, 5, 7))
                .withDecoder(DecoderKind.FLAT, List.of(7, 5, 6), List.of(), 1);
        ModelConfig fourBars = tinyHier.withName("four-bars")
                .withSteps(12, 3)
                .withEncoder(EncoderKind.HIERARCHICAL, List.of(5, 6))
                .withDecoder(DecoderKind.HIERARCHICAL, List.of(7, 6), List.of(5, 4), 4);
        ModelConfig deepConductor = tiny.withName("three-layer-conductor")
                .withDecoder(DecoderKind.HIERARCHICAL, List.of(7, 5, 6), List.of(6, 5, 4), 2);
        ModelConfig hierarchicalEncoderFlatDecoder = tinyHier.withName("hierarchical-encoder-flat-decoder")
                .withDecoder(DecoderKind.FLAT, List.of(8), List.of(), 2);
        ModelConfig allBelowFreeBits = tiny.withName("free-bits")
                .withTraining(tiny.training().withBeta(0.2, 0.9999, 1000));
        List<Arguments> cases = new ArrayList<>();
        int threads = 1;
        for (ModelConfig config : List.of(tiny, tinyHier, deepFlat, fourBars, deepConductor,
                hierarchicalEncoderFlatDecoder, allBelowFreeBits)) {
            for (DecoderInputs inputs : DecoderInputs.values()) {
                cases.add(Arguments.of(config, inputs, threads));
                threads = threads % 3 + 1;
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}, {2} thread(s)")
    @MethodSource("cases")
    void computesTheGraphsLossAndGradients(ModelConfig config, DecoderInputs inputs, int threads) {
        WeightSet weights = randomWeights(config, 11);
        Feeds feeds = Feeds.random(config, inputs, new SplittableRandom(12));

        MusicVaeBackprop.Result actual;
        try (MusicVaeBackprop backprop = MusicVaeBackprop.create(config, arrays(weights), BATCH, threads)) {
            actual = backprop.step(arrays(weights), feeds.labels, feeds.eps, BETA, feeds.draw);
        }

        assertMatches(actual, expected(config, inputs, weights, feeds), config, feeds.labels);
    }

    /** Free nats halfway between the KLs of the 3rd and 4th of 6 sequences: only some pay the KL cost. */
    @Test
    void klCostCountsOnlyTheSequencesAboveTheFreeBits() {
        ModelConfig tiny = ModelPresets.byName("tiny-test-hier");
        WeightSet weights = randomWeights(tiny, 13);
        Feeds feeds = Feeds.random(tiny, DecoderInputs.SCHEDULED_SAMPLING, new SplittableRandom(14), 6);
        double[] kl = expected(tiny, DecoderInputs.SCHEDULED_SAMPLING, weights, feeds).getOutputs()
                .get(MusicVaeGraph.KL).dup().data().asDouble();
        Arrays.sort(kl);
        double freeBits = (kl[2] + kl[3]) / 2 / Math.log(2);
        ModelConfig config = tiny.withTraining(tiny.training().withBeta(0.2, 0.9999, freeBits));

        MusicVaeBackprop.Result actual;
        try (MusicVaeBackprop backprop = MusicVaeBackprop.create(config, arrays(weights), 6, 2)) {
            actual = backprop.step(arrays(weights), feeds.labels, feeds.eps, BETA, feeds.draw);
        }

        assertMatches(actual, expected(config, DecoderInputs.SCHEDULED_SAMPLING, weights, feeds), config, feeds.labels);
    }

    /** Nothing carries over between steps: three different steps of one instance each match the graph. */
    @Test
    void consecutiveStepsOfOneInstanceEachMatchTheGraph() {
        ModelConfig config = ModelPresets.byName("tiny-test-hier");
        WeightSet weights = randomWeights(config, 15);
        SplittableRandom random = new SplittableRandom(16);
        try (MusicVaeBackprop backprop = MusicVaeBackprop.create(config, arrays(weights), BATCH, 3)) {
            for (DecoderInputs inputs : List.of(DecoderInputs.SCHEDULED_SAMPLING, DecoderInputs.TEACHER_FORCED,
                    DecoderInputs.SCHEDULED_SAMPLING)) {
                Feeds feeds = Feeds.random(config, inputs, random);
                MusicVaeBackprop.Result actual = backprop.step(arrays(weights), feeds.labels, feeds.eps, BETA,
                        feeds.draw);
                assertMatches(actual, expected(config, inputs, weights, feeds), config, feeds.labels);
            }
        }
    }

    /** Bad inputs are one message naming what is wrong, and the instance still works afterwards. */
    @Test
    void badInputsAreRejectedWithAMessageAndLeaveTheInstanceUsable() {
        ModelConfig config = ModelPresets.byName("tiny-test");
        WeightSet weights = randomWeights(config, 17);
        Feeds feeds = Feeds.random(config, DecoderInputs.TEACHER_FORCED, new SplittableRandom(18));
        try (MusicVaeBackprop backprop = MusicVaeBackprop.create(config, arrays(weights), BATCH, 2)) {
            int[][] outOfRange = Arrays.stream(feeds.labels).map(int[]::clone).toArray(int[][]::new);
            outOfRange[3][2] = config.numClasses();
            assertThatThrownBy(() -> backprop.step(arrays(weights), outOfRange, feeds.eps, BETA, null))
                    .hasMessage("sequence 3 has label 90, outside 0..89");
            int[][] short0 = feeds.labels.clone();
            short0[0] = new int[3];
            assertThatThrownBy(() -> backprop.step(arrays(weights), short0, feeds.eps, BETA, null))
                    .hasMessage("sequence 0 has 3 steps, expected 8");
            assertThatThrownBy(() -> backprop.step(arrays(weights), feeds.labels, new float[3], BETA, null))
                    .hasMessage("eps has 3 values, expected 20");
            Map<String, float[]> missing = arrays(weights);
            missing.remove(MagentaVariables.kernel(MagentaVariables.MU));
            assertThatThrownBy(() -> backprop.step(missing, feeds.labels, feeds.eps, BETA, null))
                    .hasMessage("the weights have no variable encoder/mu/kernel");

            MusicVaeBackprop.Result actual = backprop.step(arrays(weights), feeds.labels, feeds.eps, BETA, null);
            assertMatches(actual, expected(config, DecoderInputs.TEACHER_FORCED, weights, feeds), config, feeds.labels);
        }
    }

    /** Labels, noise and (under scheduled sampling, about half the steps sampled) the draw of one batch. */
    private record Feeds(int[][] labels, float[] eps, SamplingInputs draw) {

        static Feeds random(ModelConfig config, DecoderInputs inputs, SplittableRandom random) {
            return random(config, inputs, random, BATCH);
        }

        static Feeds random(ModelConfig config, DecoderInputs inputs, SplittableRandom random, int batch) {
            int[][] labels = new int[batch][config.numSteps()];
            for (int[] sequence : labels) {
                for (int t = 0; t < sequence.length; t++) {
                    sequence[t] = random.nextInt(config.numClasses());
                }
            }
            float[] eps = new float[batch * config.zSize()];
            for (int i = 0; i < eps.length; i++) {
                eps[i] = (float) random.nextGaussian();
            }
            if (inputs == DecoderInputs.TEACHER_FORCED) {
                return new Feeds(labels, eps, null);
            }
            int rows = batch * config.numSteps();
            float[] mask = new float[rows];
            float[] noise = new float[rows * config.numClasses()];
            for (int r = 0; r < rows; r++) {
                mask[r] = random.nextInt(2);
                for (int c = 0; c < config.numClasses(); c++) {
                    noise[r * config.numClasses() + c] = (float) -Math.log(-Math.log(random.nextDouble(1e-12, 1)));
                }
            }
            return new Feeds(labels, eps, new SamplingInputs(mask, noise));
        }
    }

    /** The double-precision graph's outputs and gradients on the same weights and feeds. */
    private static OutAndGrad expected(ModelConfig config, DecoderInputs inputs, WeightSet weights, Feeds feeds) {
        MusicVaeGraph graph = MusicVaeGraph.build(config, weights, DataType.DOUBLE, inputs);
        int batch = feeds.labels.length;
        INDArray input = MelodyTensors.oneHot(feeds.labels, config.numClasses(), DataType.DOUBLE);
        INDArray eps = Nd4j.create(feeds.eps, new long[] {batch, config.zSize()}, 'c');
        Map<String, INDArray> feed = feeds.draw == null ? graph.feed(input, eps, BETA)
                : graph.feed(input, eps, BETA,
                        Nd4j.create(feeds.draw.teacherMask(), new long[] {batch, config.numSteps()}, 'c'),
                        Nd4j.create(feeds.draw.noise(), new long[] {batch, config.numSteps(), config.numClasses()}, 'c'));
        return graph.sameDiff().calculateGradientsAndOutputs(feed,
                List.of(MusicVaeGraph.LOSS, MusicVaeGraph.R_LOSS, MusicVaeGraph.KL, MusicVaeGraph.LOGITS),
                graph.variableNames());
    }

    private static void assertMatches(MusicVaeBackprop.Result actual, OutAndGrad expected, ModelConfig config,
                                      int[][] labels) {
        Map<String, INDArray> outputs = expected.getOutputs();
        assertThat(actual.loss()).isCloseTo(outputs.get(MusicVaeGraph.LOSS).getDouble(0), withinPercentage(1e-3));
        assertThat(actual.meanReconstruction()).isCloseTo(
                outputs.get(MusicVaeGraph.R_LOSS).meanNumber().doubleValue(), withinPercentage(1e-3));
        assertThat(actual.meanKl()).isCloseTo(outputs.get(MusicVaeGraph.KL).meanNumber().doubleValue(),
                withinPercentage(1e-3));
        int[][] predicted = MelodyTensors.argmaxLabels(outputs.get(MusicVaeGraph.LOGITS), config.numSteps());
        assertThat(actual.hits()).isEqualTo(countHits(predicted, labels));
        for (Map.Entry<String, INDArray> e : expected.getGradients().entrySet()) {
            String name = e.getKey();
            double[] reference = e.getValue().dup('c').data().asDouble();
            float[] ours = actual.gradients().get(name);
            double scale = 0;
            double worst = 0;
            for (int i = 0; i < reference.length; i++) {
                scale = Math.max(scale, Math.abs(reference[i]));
                worst = Math.max(worst, Math.abs(reference[i] - ours[i]));
            }
            boolean sigmaMayBeIdle = config.training().freeBits() > 500 && name.startsWith(MagentaVariables.SIGMA);
            if (!sigmaMayBeIdle) {
                assertThat(scale).as(name).isPositive();
            }
            assertThat(worst).as(name + " (largest gradient " + scale + ")").isLessThanOrEqualTo(2e-5 * scale + 1e-7);
        }
    }

    /** Every weight uniform in ±0.5, so gates saturate differently and no gradient is trivially small. */
    private static WeightSet randomWeights(ModelConfig config, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<WeightTensor> tensors = new ArrayList<>();
        for (MusicVaeVariables.Spec spec : MusicVaeVariables.specs(config)) {
            float[] values = new float[spec.elementCount()];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) random.nextDouble(-0.5, 0.5);
            }
            tensors.add(new WeightTensor(spec.name(), spec.shapeArray(), values));
        }
        return new WeightSet(tensors);
    }

    private static Map<String, float[]> arrays(WeightSet weights) {
        Map<String, float[]> arrays = new LinkedHashMap<>();
        for (WeightTensor t : weights.tensors()) {
            arrays.put(t.name(), t.values().clone());
        }
        return arrays;
    }

    /** Steps whose argmax is the label (the input is also the target). */
    private static long countHits(int[][] predicted, int[][] labels) {
        long hits = 0;
        for (int b = 0; b < labels.length; b++) {
            for (int t = 0; t < labels[b].length; t++) {
                hits += predicted[b][t] == labels[b][t] ? 1 : 0;
            }
        }
        return hits;
    }
}
