package org.melodypalette.model.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.melodypalette.model.checkpoint.WeightSet;
import org.melodypalette.model.config.ModelConfig;
import org.melodypalette.model.config.ModelConfig.DecoderKind;
import org.melodypalette.model.config.ModelConfig.EncoderKind;
import org.melodypalette.model.config.ModelPresets;
import org.melodypalette.model.net.MusicVaeGraph.BarDecoding;
import org.melodypalette.model.net.MusicVaeGraph.DecoderInputs;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Decoding all bars at once is exact: on the same weights and feeds it computes the bar-by-bar
 * graph's loss, per-sequence losses, logits (in the same row order) and every gradient, teacher
 * forced and under scheduled sampling (double precision; the tolerance only covers float
 * reassociation in the larger matrix products).
 */
class BarDecodingTest {

    private static final int BATCH = 3;
    private static final double TOLERANCE = 1e-10;
    private static final List<String> OUTPUTS = List.of(MusicVaeGraph.LOSS, MusicVaeGraph.R_LOSS,
            MusicVaeGraph.KL_COST, MusicVaeGraph.LOGITS);

    static Stream<Arguments> configs() {
        ModelConfig tinyHier = ModelPresets.byName("tiny-test-hier");
        // Four bars of three steps, two decoder and two conductor layers: a wrong row order or a
        // bar reading its neighbour's state would show.
        ModelConfig fourBars = tinyHier.withName("four-bars")
                .withSteps(12, 3)
                .withEncoder(EncoderKind.HIERARCHICAL, List.of(5, 6))
                .withDecoder(DecoderKind.HIERARCHICAL, List.of(7, 6), List.of(5, 4), 4);
        return Stream.of(DecoderInputs.values())
                .flatMap(inputs -> Stream.of(Arguments.of(tinyHier, inputs), Arguments.of(fourBars, inputs)));
    }

    @ParameterizedTest
    @MethodSource("configs")
    void allBarsAtOnceComputeTheBarByBarLossAndGradients(ModelConfig config, DecoderInputs inputs) {
        WeightSet weights = MusicVaeVariables.initialize(config, 17);
        MusicVaeGraph reference = MusicVaeGraph.build(config, weights, DataType.DOUBLE, inputs, BarDecoding.BAR_BY_BAR);
        MusicVaeGraph batched = MusicVaeGraph.build(config, weights, DataType.DOUBLE, inputs,
                BarDecoding.ALL_BARS_AT_ONCE);
        Map<String, INDArray> feed = feed(reference, config, inputs);

        Map<String, INDArray> expected = reference.sameDiff().output(feed, OUTPUTS);
        Map<String, INDArray> actual = batched.sameDiff().output(feed, OUTPUTS);
        Map<String, INDArray> expectedGradients = reference.sameDiff().calculateGradients(feed,
                reference.variableNames());
        Map<String, INDArray> actualGradients = batched.sameDiff().calculateGradients(feed, batched.variableNames());

        for (String output : OUTPUTS) {
            assertThat(actual.get(output).shape()).as(output).containsExactly(expected.get(output).shape());
            assertThat(maxAbsDifference(actual.get(output), expected.get(output))).as(output).isLessThan(TOLERANCE);
        }
        assertThat(batched.variableNames()).isEqualTo(reference.variableNames());
        for (String name : reference.variableNames()) {
            assertThat(expectedGradients.get(name).amaxNumber().doubleValue()).as(name).isPositive();
            assertThat(maxAbsDifference(actualGradients.get(name), expectedGradients.get(name))).as(name)
                    .isLessThan(TOLERANCE);
        }
    }

    /** Random labels and noise; under scheduled sampling about half the steps read a sample. */
    private static Map<String, INDArray> feed(MusicVaeGraph graph, ModelConfig config, DecoderInputs inputs) {
        INDArray input = MusicVaeGradientTest.randomOneHot(config, BATCH, 5);
        INDArray eps = MusicVaeGradientTest.gaussian(BATCH, config.zSize(), 6);
        if (inputs == DecoderInputs.TEACHER_FORCED) {
            return graph.feed(input, eps, 0.3);
        }
        SplittableRandom random = new SplittableRandom(7);
        INDArray mask = Nd4j.zeros(DataType.DOUBLE, BATCH, config.numSteps());
        INDArray noise = Nd4j.zeros(DataType.DOUBLE, BATCH, config.numSteps(), config.numClasses());
        for (int b = 0; b < BATCH; b++) {
            for (int t = 0; t < config.numSteps(); t++) {
                mask.putScalar(b, t, random.nextInt(2));
                for (int c = 0; c < config.numClasses(); c++) {
                    noise.putScalar(new long[] {b, t, c}, -Math.log(-Math.log(random.nextDouble(1e-12, 1))));
                }
            }
        }
        return graph.feed(input, eps, 0.3, mask, noise);
    }

    private static double maxAbsDifference(INDArray a, INDArray b) {
        return a.sub(b).amaxNumber().doubleValue();
    }
}
