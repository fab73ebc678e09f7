package org.melodypalette.app.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.melodypalette.midi.MidiExport;
import org.melodypalette.midi.MidiFiles;
import org.melodypalette.midi.MidiFormatException;
import org.melodypalette.midi.MidiSong;
import org.melodypalette.midi.QuantizeOptions;
import org.melodypalette.midi.TrackSelector;
import org.melodypalette.music.Melody;
import org.melodypalette.music.Note;
import org.melodypalette.music.PianoRoll;
import org.melodypalette.music.TimeGrid;

/** Reading songs written as real MIDI bytes: windows, reductions and what the report says about them. */
class MelodyReaderTest {

    private static MidiSong song(TimeGrid grid, int steps, List<Note> notes) throws MidiFormatException {
        return MidiFiles.read(MidiFiles.toBytes(PianoRoll.of(grid, steps, notes), MidiExport.DEFAULT), "song.mid");
    }

    private static MelodyReading read(MidiSong song, ReadRequest request) throws MidiFormatException {
        return MelodyReader.read(song, TrackSelector.auto(), QuantizeOptions.DEFAULT, request);
    }

    private static ReadRequest steps(int steps) {
        return new ReadRequest(null, null, steps, 21, 108, OutOfRange.FOLD);
    }

    @Test
    void notesTwoOctavesOutAreFoldedAndSaidSoBothWays() throws MidiFormatException {
        MidiSong song = song(TimeGrid.SIXTEENTHS_4_4, 16,
                List.of(Note.of(127, 0, 4), Note.of(5, 4, 8), Note.of(60, 8, 16)));

        MelodyReading reading = read(song, steps(16));

        assertThat(reading.melody().notes()).extracting(Note::pitch).containsExactly(103, 29, 60);
        assertThat(reading.report().announcements()).containsExactly(
                "1 note above C8 folded down by up to 2 octaves", "1 note below A0 folded up by up to 2 octaves");
    }

    @Test
    void withoutStepsItReadsToTheEndOfTheTrackAndBarsPastTheModelAreNamed() throws MidiFormatException {
        MidiSong song = song(TimeGrid.SIXTEENTHS_4_4, 64, List.of(Note.of(60, 16, 20), Note.of(62, 60, 64)));

        MelodyReading whole = read(song, new ReadRequest(null, null, null, 21, 108, OutOfRange.FOLD));
        MelodyReading fourBars = read(song, new ReadRequest(1, 4, 32, 21, 108, OutOfRange.FOLD));

        assertThat(whole.melody().lengthSteps()).isEqualTo(48);
        assertThat(whole.report().barRange()).isEqualTo("bars 2–4");
        assertThat(whole.melody().notes()).containsExactly(Note.of(60, 0, 4), Note.of(62, 44, 48));
        assertThat(fourBars.report().announcements())
                .containsExactly("the model takes fewer bars: the last 2 bars read are not used");
    }

    @Test
    void twoFourAndTwoTwoLineUpWithTheModelsBarsButSixEightAndFiveFourDoNot() throws MidiFormatException {
        for (TimeGrid grid : List.of(new TimeGrid(4, 2, 4, 100), new TimeGrid(4, 2, 2, 100))) {
            assertThat(read(song(grid, grid.stepsPerBar() * 2, List.of(Note.of(60, 0, 4))), steps(32))
                    .report().metreDiffersFromModels()).as(grid.metre().toString()).isFalse();
        }
        for (TimeGrid grid : List.of(new TimeGrid(4, 6, 8, 100), new TimeGrid(4, 5, 4, 100))) {
            assertThat(read(song(grid, grid.stepsPerBar() * 2, List.of(Note.of(60, 0, 4))), steps(32))
                    .report().metreDiffersFromModels()).as(grid.metre().toString()).isTrue();
        }
    }

    @Test
    void aBarPastTheEndIsRefusedNamingTheFile() throws MidiFormatException {
        MidiSong song = song(TimeGrid.SIXTEENTHS_4_4, 32, List.of(Note.of(60, 0, 4)));

        assertThatThrownBy(() -> read(song, new ReadRequest(3, null, 32, 21, 108, OutOfRange.FOLD)))
                .isInstanceOf(MidiFormatException.class)
                .hasMessage("song.mid: it has only 2 bars; bar 3 does not exist");
    }

    @Test
    void theDefaultReadOfAMelodyStartingOnBarOneIsSilentAboutIt() throws MidiFormatException {
        Melody tune = Melody.of(TimeGrid.SIXTEENTHS_4_4, 32, List.of(Note.of(60, 0, 8), Note.of(64, 8, 32)));
        MidiSong song = MidiFiles.read(MidiFiles.toBytes(tune, MidiExport.DEFAULT), "tune.mid");

        MelodyReading reading = read(song, steps(32));

        assertThat(reading.melody().notes()).isEqualTo(tune.notes());
        assertThat(reading.report().announcements()).isEmpty();
    }
}
