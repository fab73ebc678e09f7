package org.melodypalette.model.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ModelPresetsTest {

    static Iterable<String> presetNames() {
        return ModelPresets.allNames();
    }

    @ParameterizedTest
    @MethodSource("presetNames")
    void everyPresetRoundTripsThroughJson(String name) throws IOException {
        ModelConfig config = ModelPresets.byName(name);

        assertThat(ModelConfigJson.fromJson(ModelConfigJson.toJson(config))).isEqualTo(config);
        assertThat(config.numClasses()).isEqualTo(90);
    }

    @Test
    void magentaSizesAreKept() {
        ModelConfig small = ModelPresets.byName("cat-mel_2bar_small");
        assertThat(small.encoderSizes()).containsExactly(512);
        assertThat(small.decoderSizes()).containsExactly(256, 256);
        assertThat(small.zSize()).isEqualTo(256);
        assertThat(small.numSteps()).isEqualTo(32);

        ModelConfig hierdec = ModelPresets.byName("hierdec-mel_16bar");
        assertThat(hierdec.numSegments()).isEqualTo(16);
        assertThat(hierdec.stepsPerSegment()).isEqualTo(16);
        assertThat(hierdec.training().freeBits()).isEqualTo(256);
    }

    @Test
    void unknownPresetListsTheValidNames() {
        assertThatThrownBy(() -> ModelPresets.byName("mel_3bar"))
                .hasMessageContaining("unknown preset 'mel_3bar'")
                .hasMessageContaining("cat-mel_2bar_small");
    }

    @Test
    void invalidConfigJsonNamesTheProblem() {
        String json = new String(ModelConfigJson.toJson(ModelPresets.byName("tiny-test")), StandardCharsets.UTF_8)
                .replace("\"numSteps\" : 8", "\"numSteps\" : 7");

        assertThatThrownBy(() -> ModelConfigJson.fromJson(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("numSteps 7 is not a whole number of 4-step bars");
    }
}
