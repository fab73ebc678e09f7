package org.melodypalette.app.workbench.latent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.melodypalette.music.Melody;
import org.melodypalette.music.Note;
import org.melodypalette.music.TimeGrid;

class PalettePathTest {

    @Test
    void samplesAreEvenlySpacedByDistanceFromTheFirstPointToTheLast() {
        PalettePath path = PalettePath.parse("0,0 1,0 1,1");

        List<PalettePath.Point> at = path.sample(5);

        assertThat(at).hasSize(5);
        assertThat(at.get(0)).isEqualTo(new PalettePath.Point(0, 0));
        assertThat(at.get(1).u()).isCloseTo(0.5, within(1e-9));
        assertThat(at.get(2)).isEqualTo(new PalettePath.Point(1, 0));
        assertThat(at.get(3).v()).isCloseTo(0.5, within(1e-9));
        assertThat(at.get(4)).isEqualTo(new PalettePath.Point(1, 1));
    }

    @Test
    void smoothingCutsCornersAndKeepsTheEnds() {
        PalettePath path = PalettePath.parse("0,0 1,0 1,1");

        PalettePath smooth = path.smoothed(2);

        assertThat(smooth.points().get(0)).isEqualTo(new PalettePath.Point(0, 0));
        assertThat(smooth.points().get(smooth.points().size() - 1)).isEqualTo(new PalettePath.Point(1, 1));
        assertThat(smooth.points()).doesNotContain(new PalettePath.Point(1, 0));
        assertThat(path.smoothed(0)).isEqualTo(path);
    }

    @Test
    void loopsAreCutOrRepeatedToTheirBars() {
        Melody twoBars = Melody.of(TimeGrid.SIXTEENTHS_4_4, 32, List.of(Note.of(60, 0, 4), Note.of(62, 20, 24)));

        assertThat(PalettePath.fitToBars(twoBars, 1).notes()).containsExactly(Note.of(60, 0, 4));
        Melody four = PalettePath.fitToBars(twoBars, 4);
        assertThat(four.lengthSteps()).isEqualTo(64);
        assertThat(four.notes()).containsExactly(Note.of(60, 0, 4), Note.of(62, 20, 24), Note.of(60, 32, 36),
                Note.of(62, 52, 56));
    }

    @Test
    void pointsNearAnEdgeSnapOntoItAndBadTextIsNamed() {
        assertThat(PalettePath.Point.snapped(0.02, 0.985)).isEqualTo(new PalettePath.Point(0, 1));
        assertThat(PalettePath.Point.snapped(-3, 0.5)).isEqualTo(new PalettePath.Point(0, 0.5));
        assertThatThrownBy(() -> PalettePath.parse("0,0 x,1")).hasMessage("point \"x,1\" is not two numbers u,v");
        assertThatThrownBy(() -> PalettePath.parse("  ")).hasMessageStartingWith("no points given");
    }
}
