package org.melodypalette.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.melodypalette.datasets.MelodyWindows.Cut;
import org.melodypalette.datasets.MelodyWindows.Drop;
import org.melodypalette.music.Melody;
import org.melodypalette.music.Note;
import org.melodypalette.music.TimeGrid;

class MelodyWindowsTest {

    private static final TimeGrid GRID = TimeGrid.SIXTEENTHS_4_4;
    private final MelodyWindows twoBar = new MelodyWindows(2, 1, 0.5, 21, 108);

    /** Quarter notes filling bars [fromBar, toBar). */
    private static List<Note> quarters(int fromBar, int toBar, int pitch) {
        List<Note> notes = new ArrayList<>();
        for (int s = fromBar * 16; s < toBar * 16; s += 4) {
            notes.add(Note.of(pitch, s, s + 4));
        }
        return notes;
    }

    @Test
    void slidesOneBarAtATimeInsideAPhrase() {
        Melody melody = new Melody(GRID, 4 * 16, quarters(0, 4, 60));

        List<Cut> cuts = twoBar.cut(melody);

        assertThat(cuts).hasSize(3).allMatch(c -> c.dropped() == null);
        assertThat(cuts).allMatch(c -> c.window().lengthSteps() == 32 && c.window().notes().size() == 8);
    }

    @Test
    void splitsPhrasesAtASilenceOfABarOrMore() {
        List<Note> notes = new ArrayList<>(quarters(0, 2, 60));
        notes.addAll(quarters(3, 5, 62));
        Melody melody = new Melody(GRID, 5 * 16, notes);

        List<Cut> cuts = twoBar.cut(melody);

        // Two 2-bar phrases, one window each; no window spans the silent bar 2.
        assertThat(cuts).hasSize(2);
        assertThat(cuts.get(0).window().notes()).allMatch(n -> n.pitch() == 60);
        assertThat(cuts.get(1).window().notes()).allMatch(n -> n.pitch() == 62);
    }

    @Test
    void phraseStartsAtTheBarLineBeforeItsFirstNote() {
        Melody melody = new Melody(GRID, 4 * 16, List.of(Note.of(60, 20, 36), Note.of(64, 36, 60)));

        List<Cut> cuts = twoBar.cut(melody);

        assertThat(cuts).hasSize(2);
        assertThat(cuts.get(0).window().notes().get(0)).isEqualTo(Note.of(60, 4, 20));
    }

    @Test
    void dropsMostlySilentWindowsAndOutOfRangePitches() {
        Melody sparse = new Melody(GRID, 32, List.of(Note.of(60, 0, 2), Note.of(62, 10, 12),
                Note.of(64, 20, 22), Note.of(65, 28, 30)));
        Melody tooHigh = new Melody(GRID, 32, List.of(Note.of(110, 0, 32)));

        assertThat(twoBar.cut(sparse)).extracting(Cut::dropped).containsExactly(Drop.MOSTLY_SILENT);
        assertThat(twoBar.cut(tooHigh)).extracting(Cut::dropped).containsExactly(Drop.PITCH_OUT_OF_RANGE);
    }

    @Test
    void aPhraseShorterThanAWindowGivesNoWindow() {
        Melody oneBar = new Melody(GRID, 16, quarters(0, 1, 60));

        assertThat(twoBar.cut(oneBar)).isEmpty();
    }
}
