package org.melodypalette.model.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.melodypalette.model.checkpoint.WeightSet;
import org.melodypalette.model.config.ModelConfig;
import org.melodypalette.model.config.ModelPresets;
import org.melodypalette.model.data.MelodyTensors;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** The plain-ND4J decoder evaluation uses must compute what the training graph computes. */
class FreeRunningDecoderTest {

    @ParameterizedTest
    @ValueSource(strings = {"tiny-test", "tiny-test-hier"})
    void teacherForcedLogitsEqualTheTrainingGraphs(String preset) {
        ModelConfig config = ModelPresets.byName(preset);
        WeightSet weights = MusicVaeVariables.initialize(config, 4);
        MusicVaeGraph graph = MusicVaeGraph.build(config, weights, DataType.FLOAT);
        int[][] labels = MelodyTensors.argmaxLabels(MusicVaeGradientTest.randomOneHot(config, 3, 8), config.numSteps());
        INDArray eps = Nd4j.zeros(DataType.FLOAT, 3, config.zSize());

        var out = graph.sameDiff().output(graph.feed(MelodyTensors.oneHot(labels, 90, DataType.FLOAT), eps, 0),
                MusicVaeGraph.LOGITS, MusicVaeGraph.Z);
        INDArray fromDecoder = new FreeRunningDecoder(config, weights)
                .teacherForcedLogits(out.get(MusicVaeGraph.Z), labels);

        double maxError = Transforms.abs(fromDecoder.sub(out.get(MusicVaeGraph.LOGITS))).maxNumber().doubleValue();
        assertThat(maxError).isLessThan(1e-5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tiny-test", "tiny-test-hier"})
    void samplingIsSeededAndArgmaxFollowsItsOwnLogits(String preset) {
        ModelConfig config = ModelPresets.byName(preset);
        FreeRunningDecoder decoder = new FreeRunningDecoder(config, MusicVaeVariables.initialize(config, 4));
        INDArray z = MusicVaeGradientTest.gaussian(5, config.zSize(), 3).castTo(DataType.FLOAT);

        int[][] argmax = decoder.sample(z, 0, null);
        int[][] sampled = decoder.sample(z, 1.0, new SplittableRandom(9));

        assertThat(MelodyTensors.argmaxLabels(decoder.teacherForcedLogits(z, argmax), config.numSteps()))
                .isDeepEqualTo(argmax);
        assertThat(decoder.sample(z, 1.0, new SplittableRandom(9))).isDeepEqualTo(sampled);
        assertThat(sampled).isNotEqualTo(argmax);
    }
}
