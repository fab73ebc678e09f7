package org.melodypalette.model.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.melodypalette.model.config.ModelConfig;
import org.melodypalette.model.config.ModelPresets;
import org.melodypalette.model.data.MelodyTensors;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class MusicVaeGradientTest {

    @Test
    void tinyFlatModelGradientsMatchFiniteDifferences() {
        checkWholeModel(ModelPresets.byName("tiny-test"));
    }

    @Test
    void tinyHierarchicalModelGradientsMatchFiniteDifferences() {
        checkWholeModel(ModelPresets.byName("tiny-test-hier"));
    }

    @Test
    void tinyFlatModelGradientsWithScheduledSamplingMatchFiniteDifferences() {
        checkWithScheduledSampling(ModelPresets.byName("tiny-test"));
    }

    @Test
    void tinyHierarchicalModelGradientsWithScheduledSamplingMatchFiniteDifferences() {
        checkWithScheduledSampling(ModelPresets.byName("tiny-test-hier"));
    }

    /** Half the inputs sampled, with fixed Gumbel noise: no gradient may flow through the samples. */
    private static void checkWithScheduledSampling(ModelConfig config) {
        MusicVaeGraph graph = MusicVaeGraph.build(config, MusicVaeVariables.initialize(config, 7), DataType.DOUBLE,
                MusicVaeGraph.DecoderInputs.SCHEDULED_SAMPLING);
        INDArray input = randomOneHot(config, 3, 11);
        INDArray eps = gaussian(3, config.zSize(), 12);
        SplittableRandom random = new SplittableRandom(13);
        INDArray mask = Nd4j.zeros(DataType.DOUBLE, 3, config.numSteps());
        INDArray noise = Nd4j.zeros(DataType.DOUBLE, 3, config.numSteps(), config.numClasses());
        for (int b = 0; b < 3; b++) {
            for (int t = 0; t < config.numSteps(); t++) {
                mask.putScalar(b, t, random.nextInt(2));
                for (int c = 0; c < config.numClasses(); c++) {
                    noise.putScalar(new long[] {b, t, c}, -Math.log(-Math.log(random.nextDouble(1e-12, 1))));
                }
            }
        }
        Map<String, INDArray> feed = graph.feed(input, eps, 0.7, mask, noise);
        double teacherForcedLoss = loss(graph, graph.feed(input, eps, 0.7));

        FiniteDifferences.Result result = FiniteDifferences.checkDirections(graph.sameDiff(), MusicVaeGraph.LOSS,
                feed, graph.variableNames(), 5);

        assertThat(loss(graph, feed)).as("sampled inputs change the loss").isNotEqualTo(teacherForcedLoss);
        assertThat(result.passed()).as(config.name() + ": " + result).isTrue();
        assertThat(result.checked()).isEqualTo(graph.variableNames().size());
    }

    private static double loss(MusicVaeGraph graph, Map<String, INDArray> feed) {
        return graph.sameDiff().output(feed, MusicVaeGraph.LOSS).get(MusicVaeGraph.LOSS).getDouble(0);
    }

    private static void checkWholeModel(ModelConfig config) {
        MusicVaeGraph graph = MusicVaeGraph.build(config, MusicVaeVariables.initialize(config, 7), DataType.DOUBLE);
        Map<String, INDArray> feed = graph.feed(randomOneHot(config, 3, 11), gaussian(3, config.zSize(), 12), 0.7);

        FiniteDifferences.Result result = FiniteDifferences.checkDirections(graph.sameDiff(), MusicVaeGraph.LOSS,
                feed, graph.variableNames(), 5);

        assertThat(result.passed()).as(config.name() + ": " + result).isTrue();
        assertThat(result.checked()).isEqualTo(graph.variableNames().size());
    }

    static INDArray randomOneHot(ModelConfig config, int batch, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[][] labels = new int[batch][config.numSteps()];
        for (int[] row : labels) {
            for (int t = 0; t < row.length; t++) {
                row[t] = random.nextInt(config.numClasses());
            }
        }
        return MelodyTensors.oneHot(labels, config.numClasses(), DataType.DOUBLE);
    }

    static INDArray gaussian(int rows, int columns, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] values = new double[rows][columns];
        for (double[] row : values) {
            for (int i = 0; i < columns; i++) {
                row[i] = random.nextGaussian();
            }
        }
        return Nd4j.createFromArray(values);
    }
}
