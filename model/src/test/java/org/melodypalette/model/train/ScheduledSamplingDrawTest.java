package org.melodypalette.model.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ScheduledSamplingDrawTest {

    private static final int BATCH = 64;
    private static final int STEPS = 32;
    private static final int CLASSES = 90;

    @Test
    void aSeedAndStepAlwaysDrawTheSameChoices() {
        ScheduledSamplingDraw first = ScheduledSamplingDraw.draw(7, 12, BATCH, STEPS, STEPS, CLASSES, 0.5);
        ScheduledSamplingDraw again = ScheduledSamplingDraw.draw(7, 12, BATCH, STEPS, STEPS, CLASSES, 0.5);
        ScheduledSamplingDraw nextStep = ScheduledSamplingDraw.draw(7, 13, BATCH, STEPS, STEPS, CLASSES, 0.5);

        assertThat(again.teacherMask()).isEqualTo(first.teacherMask());
        assertThat(again.samplingNoise()).containsExactly(first.samplingNoise());
        assertThat(nextStep.teacherMask()).isNotEqualTo(first.teacherMask());
    }

    @Test
    void aboutOneMinusTheTeacherProbabilityOfTheInputsAreSampled() {
        int mayBeSampled = BATCH * (STEPS - 1);

        assertThat(ScheduledSamplingDraw.draw(1, 0, BATCH, STEPS, STEPS, CLASSES, 1.0).sampledInputs()).isZero();
        assertThat(ScheduledSamplingDraw.draw(1, 0, BATCH, STEPS, STEPS, CLASSES, 0.0).sampledInputs())
                .isEqualTo(mayBeSampled);
        // 0.25 · 1984 = 496, standard deviation 19.
        assertThat(ScheduledSamplingDraw.draw(1, 0, BATCH, STEPS, STEPS, CLASSES, 0.75).sampledInputs())
                .isBetween(440, 552);
    }

    @Test
    void segmentStartsReadTheTrueLabelAndOnlySampledInputsHaveNoise() {
        int segment = 8;
        ScheduledSamplingDraw draw = ScheduledSamplingDraw.draw(3, 5, 4, STEPS, segment, CLASSES, 0.0);
        float[] mask = draw.teacherMask();
        float[] noises = draw.samplingNoise();

        assertThat(draw.sampledInputs()).isEqualTo(4 * (STEPS - STEPS / segment));
        for (int b = 0; b < 4; b++) {
            for (int t = 0; t < STEPS; t++) {
                double noise = 0;
                for (int c = 0; c < CLASSES; c++) {
                    float n = noises[(b * STEPS + t) * CLASSES + c];
                    noise += n * n;
                }
                if (t % segment == 0) {
                    assertThat(mask[b * STEPS + t]).as("step %d", t).isEqualTo(1f);
                    assertThat(noise).isZero();
                } else {
                    assertThat(mask[b * STEPS + t]).as("step %d", t).isZero();
                    assertThat(noise).isPositive();
                }
            }
        }
    }

    @Test
    void argmaxOfLogitsPlusGumbelNoiseDrawsFromTheSoftmax() {
        double[] probabilities = {0.7, 0.2, 0.1};
        SplittableRandom random = new SplittableRandom(5);
        int[] counts = new int[3];
        int draws = 20_000;
        for (int i = 0; i < draws; i++) {
            int best = 0;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < 3; k++) {
                double value = Math.log(probabilities[k]) + ScheduledSamplingDraw.gumbel(random);
                if (value > bestValue) {
                    best = k;
                    bestValue = value;
                }
            }
            counts[best]++;
        }

        // Standard deviation of a frequency here is at most 0.0033.
        for (int k = 0; k < 3; k++) {
            assertThat(counts[k] / (double) draws).as("class %d", k).isBetween(probabilities[k] - 0.015,
                    probabilities[k] + 0.015);
        }
    }
}
