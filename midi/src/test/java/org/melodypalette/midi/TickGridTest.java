package org.melodypalette.midi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class TickGridTest {

    private static final TickGrid SIXTEENTHS = new TickGrid(480, 4, 0);

    private static List<MidiNote> onsets(long... ticks) {
        return LongStream.of(ticks).mapToObj(t -> new MidiNote(0, 60, 100, t, t + 60)).toList();
    }

    @Test
    void roundsToTheNearestStepHalfUp() {
        assertThat(SIXTEENTHS.ticksPerStep()).isEqualTo(120.0);
        assertThat(SIXTEENTHS.stepAt(59)).isZero();
        assertThat(SIXTEENTHS.stepAt(60)).isEqualTo(1);
        assertThat(SIXTEENTHS.stepAt(179)).isEqualTo(1);
        assertThat(SIXTEENTHS.stepAt(180)).isEqualTo(2);
    }

    @Test
    void theOffsetMovesStepZeroAndEarlierTicksClampToIt() {
        TickGrid shifted = new TickGrid(480, 4, 40);

        assertThat(shifted.stepAt(40)).isZero();
        assertThat(shifted.stepAt(160)).isEqualTo(1);
        assertThat(shifted.stepAt(0)).isZero();
        assertThat(new TickGrid(480, 4, 500).stepAt(0)).isZero();
    }

    @Test
    void onGridMeansWithinAnEighthOfAStep() {
        // 15 ticks = 1/8 of a 120-tick step
        assertThat(SIXTEENTHS.isOnGrid(240 + 15)).isTrue();
        assertThat(SIXTEENTHS.isOnGrid(240 - 15)).isTrue();
        assertThat(SIXTEENTHS.isOnGrid(240 + 16)).isFalse();
        assertThat(SIXTEENTHS.isOnGrid(240 - 16)).isFalse();
        assertThat(SIXTEENTHS.deviation(300)).isEqualTo(-0.5);
        assertThat(SIXTEENTHS.onGridShare(onsets(0, 130, 250, 61))).isEqualTo(0.75);
        assertThat(SIXTEENTHS.onGridShare(List.of())).isEqualTo(1.0);
    }

    @Test
    void estimatesTheOffsetAsTheCircularMeanOfOnsetPhases() {
        assertThat(TickGrid.estimate(480, 4, onsets(40, 160, 520, 1000)).offsetTicks()).isEqualTo(40);
        // phases 110 and 10 straddle the step boundary: their circular mean is 0, not 60
        assertThat(TickGrid.estimate(480, 4, onsets(110, 250)).offsetTicks()).isZero();
        // 100 ticks into a step is 20 ticks before the next one
        assertThat(TickGrid.estimate(480, 4, onsets(100, 340, 940)).offsetTicks()).isEqualTo(-20);
    }

    @Test
    void estimatesNoOffsetWithoutOnsetsOrWhenPhasesCancel() {
        assertThat(TickGrid.estimate(480, 4, List.of()).offsetTicks()).isZero();
        assertThat(TickGrid.estimate(480, 4, onsets(0, 60)).offsetTicks()).isZero();
    }
}
