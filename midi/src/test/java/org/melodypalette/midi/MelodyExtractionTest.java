package org.melodypalette.midi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.melodypalette.midi.Smf.file;
import static org.melodypalette.midi.Smf.name;
import static org.melodypalette.midi.Smf.noteOff;
import static org.melodypalette.midi.Smf.noteOn;
import static org.melodypalette.midi.Smf.track;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.melodypalette.music.Melody;
import org.melodypalette.music.Note;
import org.melodypalette.music.TimeGrid;

class MelodyExtractionTest {

    @Test
    void reducesAChordalTrackToItsTopLineAndReportsWhereItCameFrom() throws Exception {
        MidiSong song = MidiFiles.read(file(1, 480,
                track(name(0, "Conductor")),
                track(name(0, "Piano"),
                        // a C major triad for a half note, then a low G entering under it, then a high E
                        noteOn(0, 0, 60, 70), noteOn(0, 0, 64, 80), noteOn(0, 0, 67, 90),
                        noteOn(480, 0, 55, 60),
                        noteOff(480, 0, 60), noteOff(0, 0, 64), noteOff(0, 0, 67), noteOff(0, 0, 55),
                        noteOn(0, 0, 76, 100), noteOff(240, 0, 76))), "piano.mid");

        ExtractedMelody extracted = MelodyExtraction.extract(song, TrackSelector.byName("piano"), QuantizeOptions.DEFAULT);

        assertThat(extracted.melody()).isEqualTo(new Melody(TimeGrid.SIXTEENTHS_4_4, 16, List.of(
                new Note(67, 90, 0, 4), new Note(55, 60, 4, 8), new Note(76, 100, 8, 10))));
        assertThat(extracted.trackIndex()).isEqualTo(1);
        assertThat(extracted.trackName()).isEqualTo("Piano");
        assertThat(extracted.offsetTicks()).isZero();
        assertThat(extracted.onGridShare()).isEqualTo(1.0);
    }

    @Test
    void extractsFromAnAutomaticallyChosenTrackWithAnEstimatedOffset() throws Exception {
        MidiSong song = MidiFiles.read(file(0, 480, track(
                noteOn(0, 9, 36, 100), noteOff(30, 9, 36),
                noteOn(10, 0, 72, 100), noteOff(200, 0, 72), noteOn(40, 0, 74, 100), noteOff(1000, 0, 74))), "late.mid");

        ExtractedMelody extracted = MelodyExtraction.extract(song, TrackSelector.auto(),
                QuantizeOptions.DEFAULT.withEstimatedOffset());

        assertThat(extracted.trackIndex()).isEqualTo(0); // format 0: channel 1 comes before the drums
        assertThat(extracted.offsetTicks()).isEqualTo(40);
        assertThat(extracted.melody().notes()).containsExactly(Note.of(72, 0, 2), Note.of(74, 2, 10));
    }
}
