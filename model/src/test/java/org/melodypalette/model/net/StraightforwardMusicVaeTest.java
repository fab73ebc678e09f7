package org.melodypalette.model.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.melodypalette.model.checkpoint.WeightSet;
import org.melodypalette.model.config.ModelConfig;
import org.melodypalette.model.config.ModelPresets;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The throughput baseline must compute what the training graph computes, or the comparison
 * would not be fair: same loss, per-sequence reconstruction and KL, logits and gradients on the
 * same weights and batch (double precision).
 */
class StraightforwardMusicVaeTest {

    private static final int BATCH = 3;
    private static final List<String> OUTPUTS = List.of(MusicVaeGraph.LOSS, MusicVaeGraph.R_LOSS,
            MusicVaeGraph.KL, MusicVaeGraph.LOGITS);

    @ParameterizedTest
    @ValueSource(strings = {"tiny-test", "tiny-test-hier"})
    void computesTheTrainingGraphsLossAndGradients(String preset) {
        ModelConfig config = ModelPresets.byName(preset);
        WeightSet weights = MusicVaeVariables.initialize(config, 21);
        MusicVaeGraph graph = MusicVaeGraph.build(config, weights, DataType.DOUBLE);
        StraightforwardMusicVae baseline = StraightforwardMusicVae.build(config, weights, DataType.DOUBLE, BATCH);
        Map<String, INDArray> feed = graph.feed(MusicVaeGradientTest.randomOneHot(config, BATCH, 5),
                MusicVaeGradientTest.gaussian(BATCH, config.zSize(), 6), 0.3);

        Map<String, INDArray> expected = graph.sameDiff().output(feed, OUTPUTS);
        Map<String, INDArray> actual = baseline.sameDiff().output(feed, OUTPUTS);
        Map<String, INDArray> expectedGradients = graph.sameDiff().calculateGradients(feed, graph.variableNames());
        Map<String, INDArray> actualGradients = baseline.sameDiff().calculateGradients(feed,
                baseline.variableNames());

        assertThat(actual.get(MusicVaeGraph.LOSS).getDouble(0))
                .isCloseTo(expected.get(MusicVaeGraph.LOSS).getDouble(0), Offset.offset(1e-9));
        for (String output : OUTPUTS) {
            assertThat(actual.get(output).shape()).as(output).containsExactly(expected.get(output).shape());
            assertThat(maxAbsDifference(actual.get(output), expected.get(output))).as(output).isLessThan(1e-9);
        }
        assertThat(baseline.variableNames()).isEqualTo(graph.variableNames());
        for (String name : graph.variableNames()) {
            assertThat(maxAbsDifference(actualGradients.get(name), expectedGradients.get(name))).as(name)
                    .isLessThan(1e-9);
        }
    }

    private static double maxAbsDifference(INDArray a, INDArray b) {
        return a.sub(b).amaxNumber().doubleValue();
    }
}
