package org.melodypalette.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.melodypalette.model.api.RefineOptions;

/** The refinement options a command line gives over a model's defaults. */
class RefineSettingsTest {

    @Test
    void noOptionsKeepTheModelsDefaultsWithoutATimeLimit() {
        assertThat(new RefineSettings().options(RefineOptions.BARS)).isEqualTo(RefineOptions.BARS.withBudgetMillis(0));
        assertThat(new RefineSettings().options(RefineOptions.DEFAULT))
                .isEqualTo(RefineOptions.DEFAULT.withBudgetMillis(0));
    }

    @Test
    void aBarStepSizeOfZeroOnAHierarchicalModelRefinesZAloneAtTheFlatDefault() {
        RefineSettings settings = new RefineSettings();
        settings.barLearningRate = 0.0;

        RefineOptions options = settings.options(RefineOptions.BARS);

        assertThat(options.refinesBars()).isFalse();
        assertThat(options.learningRate()).isEqualTo(RefineOptions.DEFAULT_LEARNING_RATE);
        settings.learningRate = 0.1;
        assertThat(settings.options(RefineOptions.BARS).learningRate()).isEqualTo(0.1);
    }

    @Test
    void aStepSizeOnZWithTheBarsMovesBoth() {
        RefineSettings settings = new RefineSettings();
        settings.learningRate = 0.2;

        RefineOptions options = settings.options(RefineOptions.BARS);

        assertThat(options.learningRate()).isEqualTo(0.2);
        assertThat(options.barLearningRate()).isEqualTo(RefineOptions.BARS_LEARNING_RATE);
    }
}
