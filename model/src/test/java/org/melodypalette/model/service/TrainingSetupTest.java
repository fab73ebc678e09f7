package org.melodypalette.model.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melodypalette.model.api.ModelInfo;
import org.melodypalette.model.api.TrainingListener;
import org.melodypalette.model.api.TrainingOptions;
import org.melodypalette.model.config.ModelConfigJson;
import org.melodypalette.model.config.ModelPresets;
import org.melodypalette.model.train.TrainingFixtures;

class TrainingSetupTest {

    @TempDir
    Path dir;

    @Test
    void presetsAreListedByNameWithTheirWindowShape() {
        assertThat(TrainingSetup.presets()).extracting(ModelInfo::name)
                .contains("mel_2bar_cpu").doesNotContain("tiny-test", "tiny-test-hier").isSorted()
                .allMatch(name -> TrainingSetup.preset(name).stepsPerBar() == 16); // what dataset build makes
        ModelInfo cpu = TrainingSetup.preset("mel_2bar_cpu");
        assertThat(cpu.numSteps()).isEqualTo(32);
        assertThat(cpu.stepsPerBar()).isEqualTo(16);
        assertThat(cpu.source()).isEqualTo(TrainingSetup.PRESET_SOURCE);
        assertThatThrownBy(() -> TrainingSetup.preset("nope")).hasMessageContaining("presets: ");
    }

    @Test
    void aConfigFileIsDescribedAndABadOneNamed() throws IOException {
        Path config = dir.resolve("config.json");
        Files.write(config, ModelConfigJson.toJson(ModelPresets.byName("tiny-test").withName("mine").withSteps(32, 16)));
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"name\": 3");

        assertThat(TrainingSetup.configFile(config).name()).isEqualTo("mine");
        assertThat(TrainingSetup.configFile(config).numSteps()).isEqualTo(32);
        assertThatThrownBy(() -> TrainingSetup.configFile(bad)).hasMessageStartingWith(bad + ": not a usable model config");
    }

    @Test
    void aSavedRunIsFoundWithItsStepAndAnEmptyOrMissingFolderHasNone() throws IOException {
        Path data = TrainingFixtures.datasetFile(dir, 4, 1, 4);
        Path out = dir.resolve("run");
        assertThat(TrainingSetup.savedRun(out)).isEmpty();
        Files.createDirectories(out);
        assertThat(TrainingSetup.savedRun(out)).isEmpty();

        TrainingRun.run(TrainingOptions.preset("tiny-test", data, out).withSteps(2).withIntervals(1, 5, 0),
                new TrainingListener() { });

        TrainingSetup.SavedRun saved = TrainingSetup.savedRun(out).orElseThrow();
        assertThat(saved.step()).isEqualTo(2);
        assertThat(saved.model().name()).isEqualTo("tiny-test");
        assertThat(saved.model().source()).isEqualTo(out.toString());
    }
}
