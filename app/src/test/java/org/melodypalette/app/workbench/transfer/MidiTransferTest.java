package org.melodypalette.app.workbench.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melodypalette.app.workbench.task.DirectTaskRunner;
import org.melodypalette.app.workbench.task.StatusLine;
import org.melodypalette.app.workbench.testing.MidiFixtures;
import org.melodypalette.midi.MidiFiles;
import org.melodypalette.midi.MidiFormatException;
import org.melodypalette.midi.MidiSong;
import org.melodypalette.music.Melody;
import org.melodypalette.music.Note;
import org.melodypalette.music.TimeGrid;

class MidiTransferTest {

    @TempDir
    Path dir;

    private final StatusLine status = new StatusLine();
    private final MidiTransfer transfer = new MidiTransfer(status, new DirectTaskRunner());

    @Test
    void importTakesTheChosenTrackAndBars() throws IOException {
        MidiSong song = MidiFiles.read(MidiFixtures.twoTrackSong(dir.resolve("song.mid")));

        MidiTransfer.Imported imported = transfer.extract(song, new MidiTransfer.ImportChoice(2, 1, 2, false));

        Melody clip = imported.melody();
        assertThat(clip.lengthSteps()).isEqualTo(32);
        assertThat(clip.grid().qpm()).isEqualTo(MidiFixtures.QPM);
        assertThat(clip.notes()).extracting(Note::pitch).containsExactly(
                MidiFixtures.leadPitch(1, 0), MidiFixtures.leadPitch(1, 1), MidiFixtures.leadPitch(1, 2),
                MidiFixtures.leadPitch(1, 3), MidiFixtures.leadPitch(2, 0), MidiFixtures.leadPitch(2, 1),
                MidiFixtures.leadPitch(2, 2), MidiFixtures.leadPitch(2, 3));
        assertThat(clip.notes()).extracting(Note::startStep).containsExactly(0, 4, 8, 12, 16, 20, 24, 28);
        assertThat(imported.description()).isEqualTo("song.mid: Lead, bars 2–3 (8 notes)");
    }

    @Test
    void importPadsWithSilenceWhenTheFileIsShorterAndRejectsBarsPastTheEnd() throws IOException {
        MidiSong song = MidiFiles.read(MidiFixtures.twoTrackSong(dir.resolve("song.mid")));

        Melody clip = transfer.extract(song, new MidiTransfer.ImportChoice(2, 3, 16, false)).melody();
        assertThat(clip.lengthSteps()).isEqualTo(256);
        assertThat(clip.notes()).hasSize(4);

        assertThatThrownBy(() -> transfer.extract(song, new MidiTransfer.ImportChoice(2, 9, 2, false)))
                .isInstanceOf(MidiFormatException.class).hasMessageContaining("song.mid")
                .hasMessageContaining("bar 10 does not exist");
    }

    @Test
    void exportWritesAType1FileThatReadsBackWithNotesTempoAndMetre() throws IOException {
        Melody clip = Melody.of(new TimeGrid(4, 3, 4, 87), 24,
                List.of(new Note(62, 70, 0, 3), new Note(69, 110, 6, 12), Note.of(67, 20, 24)));
        Path file = dir.resolve("out.mid");

        transfer.write(file, clip);

        MidiSong song = MidiFiles.read(file);
        assertThat(song.format()).isEqualTo(1);
        assertThat(song.firstTempo().qpm()).isEqualTo(87.0);
        assertThat(song.firstMetre().beatsPerBar()).isEqualTo(3);
        Melody back = transfer.extract(song, new MidiTransfer.ImportChoice(1, 0, 2, false)).melody();
        assertThat(back.notes()).isEqualTo(clip.notes());
    }

    @Test
    void importSuggestsAsManyOfTheFilesBarsAsFillTheClip() throws IOException {
        Path file = dir.resolve("two-four.mid");
        transfer.write(file, Melody.of(new TimeGrid(4, 2, 4, 90), 64,
                List.of(Note.of(60, 0, 8), Note.of(64, 8, 16), Note.of(67, 16, 24), Note.of(72, 24, 32),
                        Note.of(71, 32, 40))));
        List<Integer> suggested = new ArrayList<>();
        List<MidiTransfer.Imported> imported = new ArrayList<>();
        transfer.setChoiceAsker((owner, song, from, track, startBar, bars) -> {
            suggested.add(bars);
            return new MidiTransfer.ImportChoice(track, 0, bars, false);
        });

        transfer.importInteractively(file, 32, null, imported::add);

        assertThat(suggested).containsExactly(4);
        Melody clip = imported.get(0).melody();
        assertThat(clip.lengthSteps()).isEqualTo(32);
        assertThat(clip.notes()).extracting(Note::pitch).containsExactly(60, 64, 67, 72);
        assertThat(MidiTransfer.barsFilling(MidiFiles.read(file), 256)).isEqualTo(32);
        assertThat(MidiTransfer.barsFilling(MidiFiles.read(MidiFixtures.twoTrackSong(dir.resolve("song.mid"))), 32))
                .isEqualTo(2);
    }

    @Test
    void aBrokenFileIsOneStatusMessageNamingIt() throws IOException {
        Path file = dir.resolve("broken.mid");
        Files.write(file, new byte[] {'M', 'T', 'h', 'd', 0, 0, 0, 6, 0, 1});

        transfer.importInteractively(file, 32, null, imported -> { throw new AssertionError("nothing to import"); });

        assertThat(status.errorProperty().get()).isTrue();
        assertThat(status.getMessage()).startsWith("Cannot import broken.mid: ").contains("broken.mid");
    }

    @Test
    void importStartsAtTheFirstBarWithANoteAndTheStatusLineNamesEveryReduction() throws IOException {
        Path file = MidiFixtures.lateChordsAndHighNotes(dir.resolve("piano.mid"));
        List<Integer> suggestedStart = new ArrayList<>();
        List<MidiTransfer.Imported> imported = new ArrayList<>();
        transfer.setChoiceAsker((owner, song, from, track, startBar, bars) -> {
            suggestedStart.add(startBar);
            return new MidiTransfer.ImportChoice(track, startBar - 1, bars, false);
        });

        transfer.importInteractively(file, 32, null, imported::add);

        assertThat(suggestedStart).containsExactly(9);
        Melody clip = imported.get(0).melody();
        assertThat(clip.notes()).extracting(Note::pitch).containsExactly(67, 68, 69, 70, 98, 101, 103, 62);
        assertThat(imported.get(0).description()).isEqualTo("piano.mid: Melody, bars 9–10 (8 notes)");
        assertThat(imported.get(0).reductions())
                .isEqualTo(" — chords → top line: 8 notes dropped; 3 notes above C8 folded down an octave");
    }

    @Test
    void barsWithoutANoteAreNotImportedAndTheStatusLineSaysWhereTheMelodyIs() throws IOException {
        Path file = MidiFixtures.lateChordsAndHighNotes(dir.resolve("piano.mid"));
        transfer.setChoiceAsker((owner, song, from, track, startBar, bars) ->
                new MidiTransfer.ImportChoice(track, 0, bars, false));

        transfer.importInteractively(file, 32, null, imported -> { throw new AssertionError("nothing to import"); });

        assertThat(status.errorProperty().get()).isTrue();
        assertThat(status.getMessage()).isEqualTo(
                "Nothing imported from piano.mid: no notes in bars 1–2 of track 'Melody' (its first note is in bar 9)");
    }
}
