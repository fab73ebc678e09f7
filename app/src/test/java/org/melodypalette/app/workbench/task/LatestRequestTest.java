package org.melodypalette.app.workbench.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.melodypalette.app.workbench.testing.ManualTaskRunner;

class LatestRequestTest {

    private final ManualTaskRunner runner = new ManualTaskRunner();
    private final List<Integer> shown = new ArrayList<>();
    private final List<Integer> computed = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private final LatestRequest<Integer> latest = new LatestRequest<>(runner, shown::add, e -> errors.add(e.getMessage()));

    private void ask(int value) {
        latest.submit(() -> {
            computed.add(value);
            return value;
        });
    }

    @Test
    void requestsArrivingWhileOneRunsCollapseToTheNewest() {
        ask(1);
        ask(2);
        ask(3);
        ask(4);
        assertThat(runner.pending()).isEqualTo(1);
        assertThat(latest.busyProperty().get()).isTrue();

        runner.runNext();
        assertThat(shown).containsExactly(1);
        assertThat(runner.pending()).as("only the newest waiting request is started").isEqualTo(1);
        assertThat(latest.busyProperty().get()).isTrue();

        runner.runNext();
        assertThat(computed).containsExactly(1, 4);
        assertThat(shown).containsExactly(1, 4);
        assertThat(latest.busyProperty().get()).isFalse();
        assertThat(runner.pending()).isZero();
    }

    @Test
    void aFailureIsReportedAndTheNextRequestStillRuns() {
        latest.submit(() -> {
            throw new IllegalStateException("decoder exploded");
        });
        runner.runNext();
        ask(7);
        runner.runAll();

        assertThat(errors).containsExactly("decoder exploded");
        assertThat(shown).containsExactly(7);
        assertThat(latest.busyProperty().get()).isFalse();
    }

    @Test
    void withADirectRunnerEveryRequestIsAnsweredAtOnce() {
        LatestRequest<Integer> direct = new LatestRequest<>(new DirectTaskRunner(), shown::add, e -> { });
        direct.submit(() -> 1);
        direct.submit(() -> 2);

        assertThat(shown).containsExactly(1, 2);
        assertThat(direct.busyProperty().get()).isFalse();
    }
}
