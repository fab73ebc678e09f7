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
