package org.melodypalette.app.workbench.lane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.melodypalette.music.Melody;
import org.melodypalette.music.Note;
import org.melodypalette.music.TimeGrid;

class ArrangementTest {

    private static final TimeGrid GRID = TimeGrid.SIXTEENTHS_4_4;
    private final Melody a = Melody.of(GRID, 32, List.of(Note.of(60, 0, 4)));
    private final Melody b = Melody.of(GRID, 16, List.of(Note.of(62, 2, 6)));
    /** 20 steps: one bar and a quarter, so it takes two bars. */
    private final Melody c = Melody.of(GRID, 20, List.of(Note.of(64, 16, 20)));

    @Test
    void clipsStartOnBarLinesAndTheLaneRendersAsOneMelody() {
        Arrangement lane = Arrangement.EMPTY.append(a).append(c).append(b);

        assertThat(lane.bars()).isEqualTo(5);
        assertThat(lane.startBar(2)).isEqualTo(4);
        Melody whole = lane.render(90);
        assertThat(whole.lengthSteps()).isEqualTo(80);
        assertThat(whole.grid().qpm()).isEqualTo(90);
        assertThat(whole.notes()).containsExactly(Note.of(60, 0, 4), Note.of(64, 48, 52), Note.of(62, 66, 70));
        assertThat(lane.render(1, 3, 90).notes()).containsExactly(Note.of(64, 16, 20), Note.of(62, 34, 38));
    }

    @Test
    void moveRepeatRemoveAndWhereADropLands() {
        Arrangement lane = Arrangement.EMPTY.append(a).append(b);

        assertThat(lane.move(0, 1).clips()).containsExactly(b, a);
        assertThat(lane.repeat(0).clips()).containsExactly(a, a, b);
        assertThat(lane.remove(0).clips()).containsExactly(b);
        assertThat(lane.insertionIndexAt(0.9)).isZero();
        assertThat(lane.insertionIndexAt(1.1)).isEqualTo(1);
        assertThat(lane.insertionIndexAt(2.6)).isEqualTo(2);
    }

    @Test
    void aClipInAnotherMetreIsRefusedWithAReason() {
        Melody waltz = Melody.of(new TimeGrid(4, 3, 4, 120), 24, List.of());
        Arrangement lane = Arrangement.EMPTY.append(a);

        assertThat(lane.refusal(waltz)).isEqualTo("the lane is in 4/4 and this clip is in 3/4");
        assertThatThrownBy(() -> lane.append(waltz)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Arrangement.EMPTY.refusal(waltz)).isNull();
    }
}
