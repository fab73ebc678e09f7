package org.melodypalette.model.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Sizes that used to pass validation and then exhaust memory are refused before anything is allocated. */
class ModelSizeLimitsTest {

    private static final ModelConfig TINY = ModelPresets.byName("tiny-test");

    /** The presets sized for two cores (Magenta's full-size ones train on a GPU's memory). */
    static List<String> cpuPresets() {
        return ModelPresets.allNames().stream().filter(name -> name.contains("cpu") || name.startsWith("tiny")).toList();
    }

    @ParameterizedTest
    @MethodSource("cpuPresets")
    void everyCpuPresetTrainsInTwoGigabytes(String name) {
        ModelConfig preset = ModelPresets.byName(name);

        assertThat(ModelSizeLimits.trainingBytesLowerBound(preset)).isLessThan(2L << 30);
        ModelSizeLimits.requireTrainingFits(preset, 2L << 30);
    }

    @Test
    void magentasFullSizePresetsAreWithinTheCaps() {
        assertThat(ModelPresets.allNames()).allSatisfy(name -> assertThat(ModelPresets.byName(name).numSteps())
                .isLessThanOrEqualTo(ModelSizeLimits.MAX_NUM_STEPS));
        assertThat(ModelPresets.byName("hierdec-mel_16bar").training().batchSize())
                .isLessThanOrEqualTo(ModelSizeLimits.MAX_BATCH_SIZE);
    }

    @Test
    void aBillionStepsIsRefusedWhenTheConfigIsBuilt() {
        assertThatThrownBy(() -> TINY.withSteps(1_000_000_000, 4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tiny-test: numSteps 1000000000 is larger than 4096, the most this program allocates for it");
    }

    @Test
    void sizesUnderTheirCapsThatTogetherCannotTrainAreRefusedBeforeTraining() {
        ModelConfig wide = TINY.withSteps(4096, 16).withEncoder(ModelConfig.EncoderKind.FLAT, List.of(4096))
                .withTraining(TINY.training().withBatchSize(8192));

        assertThatThrownBy(() -> ModelSizeLimits.requireTrainingFits(wide, 1L << 30))
                .hasMessage("tiny-test: a training step on batches of 8192 windows of 4096 steps needs at least "
                        + "2099200 MB, more than the 1024 MB this program may use; lower batchSize or the layer sizes, "
                        + "or give Java more memory (-Xmx)");
    }
}
