package org.melodypalette.model.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the workbench runs refinement ({@link RefineOptions#interactive()}), which the CLI's bench reports too. */
class RefineOptionsTest {

    @Test
    void refiningZAloneGetsTheInteractiveBudgetAndEverythingElseStays() {
        RefineOptions z = RefineOptions.DEFAULT.interactive();

        assertThat(z.budgetMillis()).isEqualTo(RefineOptions.INTERACTIVE_BUDGET_MILLIS).isLessThan(RefineOptions.DEFAULT.budgetMillis());
        assertThat(z.withBudgetMillis(RefineOptions.DEFAULT.budgetMillis())).isEqualTo(RefineOptions.DEFAULT);
    }

    @Test
    void refiningTheBarsKeepsItsOwnBudget() {
        assertThat(RefineOptions.BARS.interactive()).isEqualTo(RefineOptions.BARS);
    }
}
