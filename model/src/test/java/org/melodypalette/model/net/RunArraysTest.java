package org.melodypalette.model.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.melodypalette.model.checkpoint.WeightSet;
import org.melodypalette.model.config.ModelConfig;
import org.melodypalette.model.config.ModelPresets;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Step-scoped arrays: a training step's arrays are taken back at its end and handed to the next
 * step instead of being left to the collector, and nothing beyond one run's arrays is kept.
 */
class RunArraysTest {

    @Test
    void runsThatReuseTheLastRunsArraysComputeExactlyWhatFreshMemoryComputes() {
        ModelConfig config = ModelPresets.byName("tiny-test-hier");
        WeightSet weights = MusicVaeVariables.initialize(config, 5);
        MusicVaeGraph tracked = MusicVaeGraph.build(config, weights, DataType.FLOAT);
        MusicVaeGraph reference = MusicVaeGraph.build(config, weights, DataType.FLOAT);
        List<Map<String, INDArray>> feeds = List.of(
                tracked.feed(MusicVaeGradientTest.randomOneHot(config, 3, 1),
                        MusicVaeGradientTest.gaussian(3, config.zSize(), 2), 0.5),
                tracked.feed(MusicVaeGradientTest.randomOneHot(config, 3, 3),
                        MusicVaeGradientTest.gaussian(3, config.zSize(), 4), 0.2));

        tracked.trackRunArrays();
        for (int run = 0; run < 4; run++) {
            Map<String, INDArray> feed = feeds.get(run % 2);
            Map<String, INDArray> expected = reference.sameDiff().calculateGradients(feed, reference.variableNames());
            OutAndGrad result = tracked.sameDiff().calculateGradientsAndOutputs(feed, List.of(MusicVaeGraph.LOSS),
                    tracked.variableNames());
            for (String name : tracked.variableNames()) {
                assertThat(result.getGradients().get(name).data().asFloat()).as("run %d, %s", run, name)
                        .containsExactly(expected.get(name).data().asFloat());
            }
            tracked.closeRunArrays();
        }
    }

    @Test
    void aRunWithItsOwnArraysBetweenTwoStepsLeavesTheStepsArraysToTheNextStepAndFreesItsOwn() {
        ModelConfig config = ModelPresets.byName("tiny-test-hier");
        MusicVaeGraph graph = MusicVaeGraph.build(config, MusicVaeVariables.initialize(config, 5), DataType.FLOAT);
        Map<String, INDArray> trainingFeed = graph.feed(MusicVaeGradientTest.randomOneHot(config, 3, 1),
                MusicVaeGradientTest.gaussian(3, config.zSize(), 2), 0.5);
        Map<String, INDArray> evaluationFeed = graph.feed(MusicVaeGradientTest.randomOneHot(config, 2, 3),
                MusicVaeGradientTest.gaussian(2, config.zSize(), 4), 0.0);
        graph.trackRunArrays();
        INDArray firstGradient = trainingStepGradient(graph, trainingFeed);

        INDArray evaluationLogits = graph.withOwnRunArrays(() -> {
            INDArray logits = graph.sameDiff().output(evaluationFeed, MusicVaeGraph.LOGITS).get(MusicVaeGraph.LOGITS);
            graph.closeRunArrays();
            return logits;
        });

        assertThat(evaluationLogits.wasClosed()).as("freed when the evaluation ended").isTrue();
        assertThat(firstGradient.wasClosed()).as("kept for the next training step").isFalse();
        INDArray secondGradient = trainingStepGradient(graph, trainingFeed);
        assertThat(secondGradient.wasClosed()).isFalse();
    }

    /** One tracked gradient run, ended: the returned array is kept for the next run. */
    private static INDArray trainingStepGradient(MusicVaeGraph graph, Map<String, INDArray> feed) {
        String variable = graph.variableNames().get(0);
        INDArray gradient = graph.sameDiff().calculateGradientsAndOutputs(feed, List.of(MusicVaeGraph.LOSS),
                List.of(variable)).getGradients().get(variable);
        graph.closeRunArrays();
        return gradient;
    }

    @Test
    void aRunGetsTheLastRunsArraysBackAndArraysNoRunTookAreFreed() {
        try (RunArrays arrays = new RunArrays()) {
            INDArray first = arrays.allocate(false, DataType.FLOAT, 3, 4);
            INDArray other = arrays.allocate(false, DataType.FLOAT, 5);
            arrays.closeAll();

            assertThat(first.wasClosed()).isFalse();
            assertThat(arrays.allocate(false, DataType.FLOAT, 3, 4)).isSameAs(first);
            assertThat(arrays.allocate(false, DataType.DOUBLE, 3, 4)).isNotSameAs(first);
            arrays.closeAll();

            assertThat(other.wasClosed()).as("not taken by the second run").isTrue();
            assertThat(first.wasClosed()).isFalse();
            arrays.close();
            assertThat(first.wasClosed()).isTrue();
        }
    }

    @Test
    void anArrayTheSessionReleasesServesTheSameRun() {
        try (RunArrays arrays = new RunArrays()) {
            INDArray released = arrays.allocate(false, DataType.FLOAT, 2, 2);
            arrays.release(released);

            assertThat(arrays.allocate(false, DataType.FLOAT, 2, 2)).isSameAs(released);
        }
    }

    @Test
    void derivingTheGradientFunctionPrintsNothingToStandardOutput() {
        ModelConfig config = ModelPresets.byName("tiny-test");
        MusicVaeGraph graph = MusicVaeGraph.build(config, MusicVaeVariables.initialize(config, 5), DataType.FLOAT);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            graph.trackRunArrays();
        } finally {
            System.setOut(out);
            graph.closeRunArrays();
        }

        assertThat(graph.sameDiff().getFunction("grad")).isNotNull();
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
