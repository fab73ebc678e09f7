package org.melodypalette.midi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.melodypalette.music.Metre;
import org.melodypalette.music.Note;
import org.melodypalette.music.TimeGrid;
import org.melodypalette.testing.SharedData;

/** Ceol Rince na hÉireann tunes: format 0 files written by abc2midi. */
class CreIrishTest {

    @Test
    void aReelReadsAndQuantizesInFourFour() throws Exception {
        Path file = SharedData.require("data/cre-irish/MIDI").resolve("AftertheHarereel.mid");

        MidiSong song = MidiFiles.read(file);
        ExtractedMelody reel = MelodyExtraction.extract(song, TrackSelector.auto(), QuantizeOptions.DEFAULT);

        assertThat(song.format()).isZero();
        assertThat(song.trackLabels()).isEqualTo("0 'After the Hare* (reel)'");
        assertThat(song.firstMetre()).isEqualTo(Metre.FOUR_FOUR);
        assertThat(reel.melody().grid()).isEqualTo(new TimeGrid(4, 4, 4, 180.0));
        assertThat(reel.melody().lengthSteps()).isEqualTo(256);
        assertThat(reel.melody().notes()).hasSize(112).startsWith(
                new Note(62, 105, 0, 2), new Note(67, 80, 2, 4), new Note(71, 80, 4, 6), new Note(74, 80, 6, 8));
        // two of the 112 onsets are triplet ornaments off the 16th grid
        assertThat(reel.onGridShare()).isEqualTo(110 / 112.0);
    }

    @Test
    void everyTuneReads() throws Exception {
        Path folder = SharedData.require("data/cre-irish/MIDI");
        int read = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.mid")) {
            for (Path file : files) {
                assertThat(MidiFiles.read(file).noteCount()).as("%s", file).isPositive();
                read++;
            }
        }
        assertThat(read).isEqualTo(1195);
    }
}
