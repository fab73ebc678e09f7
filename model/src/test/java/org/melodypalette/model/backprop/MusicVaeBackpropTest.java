package org.melodypalette.model.backprop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
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
 * every variable, for flat and hierarchical encoders and decoders with one and two layers,
 * teacher-forced and under scheduled sampling, with the KL above and below the free bits. The
 * graph runs in double precision; the tolerances cover our float32 arithmetic.
 */
class MusicVaeBackpropTest {

    private static final int BATCH = 5;
    private static final double BETA = 0.7;

    static Stream<Arguments> cases() {
        ModelConfig tiny = ModelPresets.byName("tiny-test");
        ModelConfig tinyHier = ModelPresets.byName("tiny-test-hier");
        ModelConfig deepFlat = tiny.withName("deep-flat")
                .withEncoder(EncoderKind.FLAT, List.of(8, 6))
                .withDecoder(DecoderKind.FLAT, List.of(7, 5), List.of(), 1);
        ModelConfig fourBars = tinyHier.withName("four-bars")
                .withSteps(12, 3)
                .withEncoder(EncoderKind.HIERARCHICAL, List.of(5, 6))
                .withDecoder(DecoderKind.HIERARCHICAL, List.of(7, 6), List.of(5, 4), 4);
        ModelConfig freeBits = tiny.withName("free-bits")
                .withTraining(tiny.training().withBeta(0.2, 0.9999, 1000));
        return Stream.of(tiny, tinyHier, deepFlat, fourBars, freeBits).flatMap(config -> Stream.of(
                Arguments.of(config, DecoderInputs.TEACHER_FORCED, 1),
                Arguments.of(config, DecoderInputs.SCHEDULED_SAMPLING, 2)));
    }

    @ParameterizedTest(name = "{0} {1}, {2} thread(s)")
    @MethodSource("cases")
    void computesTheGraphsLossAndGradients(ModelConfig config, DecoderInputs inputs, int threads) {
        WeightSet weights = randomWeights(config, 11);
        SplittableRandom random = new SplittableRandom(12);
        int[][] labels = new int[BATCH][config.numSteps()];
        for (int[] sequence : labels) {
            for (int t = 0; t < sequence.length; t++) {
                sequence[t] = random.nextInt(config.numClasses());
            }
        }
        float[] eps = gaussian(BATCH * config.zSize(), random);
        SamplingInputs draw = inputs == DecoderInputs.TEACHER_FORCED ? null : draw(config, random);

        MusicVaeGraph graph = MusicVaeGraph.build(config, weights, DataType.DOUBLE, inputs);
        INDArray input = MelodyTensors.oneHot(labels, config.numClasses(), DataType.DOUBLE);
        INDArray epsArray = Nd4j.create(eps, new long[] {BATCH, config.zSize()}, 'c');
        Map<String, INDArray> feed = draw == null ? graph.feed(input, epsArray, BETA)
                : graph.feed(input, epsArray, BETA,
                        Nd4j.create(draw.teacherMask(), new long[] {BATCH, config.numSteps()}, 'c'),
                        Nd4j.create(draw.noise(), new long[] {BATCH, config.numSteps(), config.numClasses()}, 'c'));
        OutAndGrad expected = graph.sameDiff().calculateGradientsAndOutputs(feed,
                List.of(MusicVaeGraph.LOSS, MusicVaeGraph.R_LOSS, MusicVaeGraph.KL, MusicVaeGraph.LOGITS),
                graph.variableNames());

        MusicVaeBackprop.Result actual;
        try (MusicVaeBackprop backprop = MusicVaeBackprop.create(config, arrays(weights), BATCH, threads)) {
            actual = backprop.step(arrays(weights), labels, eps, BETA, draw);
        }

        Map<String, INDArray> outputs = expected.getOutputs();
        assertThat(actual.loss()).isCloseTo(outputs.get(MusicVaeGraph.LOSS).getDouble(0),
                withinPercentage(1e-3));
        assertThat(actual.meanReconstruction()).isCloseTo(outputs.get(MusicVaeGraph.R_LOSS).meanNumber().doubleValue(),
                withinPercentage(1e-3));
        assertThat(actual.meanKl()).isCloseTo(outputs.get(MusicVaeGraph.KL).meanNumber().doubleValue(),
                withinPercentage(1e-3));
        long hits = countHits(MelodyTensors.argmaxLabels(outputs.get(MusicVaeGraph.LOGITS), config.numSteps()), labels);
        assertThat(actual.hits()).isEqualTo(hits);
        for (String name : graph.variableNames()) {
            double[] reference = expected.getGradients().get(name).dup('c').data().asDouble();
            float[] ours = actual.gradients().get(name);
            double scale = 0;
            double worst = 0;
            for (int i = 0; i < reference.length; i++) {
                scale = Math.max(scale, Math.abs(reference[i]));
                worst = Math.max(worst, Math.abs(reference[i] - ours[i]));
            }
            if (!(config.training().freeBits() > 0 && name.startsWith("encoder/sigma"))) {
                assertThat(scale).as(name).isPositive();
            }
            assertThat(worst).as(name + " (largest gradient " + scale + ")").isLessThanOrEqualTo(2e-5 * scale + 1e-7);
        }
    }

    /** Every weight uniform in ±0.5, so gates saturate differently and no gradient is trivially small. */
    private static WeightSet randomWeights(ModelConfig config, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<WeightTensor> tensors = new ArrayList<>();
        for (WeightTensor t : MusicVaeVariables.initialize(config, seed).tensors()) {
            float[] values = new float[t.values().length];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) random.nextDouble(-0.5, 0.5);
            }
            tensors.add(new WeightTensor(t.name(), t.shape(), values));
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

    /** About half the steps read the model's sample. */
    private static SamplingInputs draw(ModelConfig config, SplittableRandom random) {
        int rows = BATCH * config.numSteps();
        float[] mask = new float[rows];
        float[] noise = new float[rows * config.numClasses()];
        for (int r = 0; r < rows; r++) {
            mask[r] = random.nextInt(2);
            for (int c = 0; c < config.numClasses(); c++) {
                noise[r * config.numClasses() + c] = (float) -Math.log(-Math.log(random.nextDouble(1e-12, 1)));
            }
        }
        return new SamplingInputs(mask, noise);
    }

    private static float[] gaussian(int count, SplittableRandom random) {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }

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
