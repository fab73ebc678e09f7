package org.melodypalette.app.workbench.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.melodypalette.model.api.TrainingProgress;

class LossHistoryTest {

    /** Loss equal to the step number, so a point's loss is the mean of the steps it covers. */
    private static TrainingProgress step(long step) {
        return new TrainingProgress(step, 10_000, 1, step, step / 2.0, 1, 0.5, 1e-3, 0.1, step, 0);
    }

    @Test
    void everyStepIsAPointUntilTheLimit() {
        LossHistory history = new LossHistory(10);
        for (long s = 1; s <= 10; s++) {
            history.add(step(s));
        }

        assertThat(history.points()).extracting(LossPoint::step).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(history.points().get(3).loss()).isEqualTo(4.0);
        assertThat(history.interval()).isEqualTo(1);
    }

    @Test
    void aLongRunStaysUnderTheLimitAndEachPointIsTheMeanOfItsSteps() {
        LossHistory history = new LossHistory(10);
        for (long s = 1; s <= 1000; s++) {
            history.add(step(s));
        }

        List<LossPoint> points = history.points();
        assertThat(points).hasSizeBetween(5, 10);
        int interval = history.interval();
        assertThat(Integer.bitCount(interval)).as("the interval doubles").isEqualTo(1);
        for (LossPoint p : points) {
            // the steps p.step - interval + 1 .. p.step, whose mean is p.step - (interval - 1) / 2
            assertThat(p.loss()).isCloseTo(p.step() - (interval - 1) / 2.0, within(1e-9));
            assertThat(p.reconstruction()).isCloseTo(p.loss() / 2, within(1e-9));
            assertThat(p.accuracy()).isEqualTo(0.5);
        }
        assertThat(points.get(0).step()).isEqualTo(interval);
        for (int i = 1; i < points.size(); i++) {
            assertThat(points.get(i).step() - points.get(i - 1).step()).isEqualTo(interval);
        }
    }
}
