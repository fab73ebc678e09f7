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

/** Step-scoped arrays: a training step frees its own arrays instead of leaving them to the collector. */
class RunArraysTest {

    @Test
    void closingARunsArraysFreesItsOutputsAndGradientsAndLaterRunsComputeTheSame() {
        ModelConfig config = ModelPresets.byName("tiny-test-hier");
        WeightSet weights = MusicVaeVariables.initialize(config, 5);
        MusicVaeGraph tracked = MusicVaeGraph.build(config, weights, DataType.FLOAT);
        MusicVaeGraph reference = MusicVaeGraph.build(config, weights, DataType.FLOAT);
        Map<String, INDArray> feed = tracked.feed(MusicVaeGradientTest.randomOneHot(config, 3, 1),
                MusicVaeGradientTest.gaussian(3, config.zSize(), 2), 0.5);
        Map<String, INDArray> expected = reference.sameDiff().calculateGradients(feed, reference.variableNames());
        String kernel = tracked.variableNames().get(0);

        tracked.trackRunArrays();
        for (int run = 0; run < 3; run++) {
            OutAndGrad result = tracked.sameDiff().calculateGradientsAndOutputs(feed, List.of(MusicVaeGraph.LOSS),
                    tracked.variableNames());
            for (String name : tracked.variableNames()) {
                assertThat(result.getGradients().get(name).data().asFloat()).as("run %d, %s", run, name)
                        .containsExactly(expected.get(name).data().asFloat());
            }
            INDArray gradient = result.getGradients().get(kernel);
            INDArray loss = result.getOutputs().get(MusicVaeGraph.LOSS);

            tracked.closeRunArrays();

            assertThat(gradient.wasClosed()).isTrue();
            assertThat(loss.wasClosed()).isTrue();
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
