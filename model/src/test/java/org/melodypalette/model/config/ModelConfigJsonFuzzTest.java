package org.melodypalette.model.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;

/**
 * A checkpoint's {@code config.json} as any bytes ({@link ModelConfigJson#fromJson}): it either
 * gives a valid {@link ModelConfig} that survives a JSON round trip, or fails with one
 * {@link IOException} with a one-line message; never another exception, never {@code null}.
 *
 * <p>Under {@code ./mvnw verify} the committed inputs in {@code ModelConfigJsonFuzzTestInputs/}
 * (every preset among them) run; {@code JAZZER_FUZZ=1} fuzzes (see docs/RELIABILITY.md).
 */
class ModelConfigJsonFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void parseAnyConfigJson(byte[] data) throws IOException {
        ModelConfig config;
        try {
            config = ModelConfigJson.fromJson(data);
        } catch (IOException e) {
            assertThat(e.getMessage()).isNotBlank().doesNotContain("\n");
            return;
        }
        assertThat(config).isNotNull();
        assertThat(ModelConfigJson.fromJson(ModelConfigJson.toJson(config))).isEqualTo(config);
        // Every size an accepted config holds is within what the program allocates (ModelSizeLimits).
        assertThat(config.numSteps()).isBetween(1, ModelSizeLimits.MAX_NUM_STEPS);
        assertThat(config.zSize()).isBetween(1, ModelSizeLimits.MAX_Z_SIZE);
        assertThat(config.training().batchSize()).isBetween(1, ModelSizeLimits.MAX_BATCH_SIZE);
        for (var sizes : java.util.List.of(config.encoderSizes(), config.decoderSizes(), config.conductorSizes())) {
            assertThat(sizes).hasSizeLessThanOrEqualTo(ModelSizeLimits.MAX_LAYERS)
                    .allMatch(size -> size <= ModelSizeLimits.MAX_LAYER_SIZE);
        }
    }
}
