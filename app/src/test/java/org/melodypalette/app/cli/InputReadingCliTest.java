package org.melodypalette.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melodypalette.midi.MidiExport;
import org.melodypalette.midi.MidiFiles;
import org.melodypalette.midi.MidiSong;
import org.melodypalette.music.Melody;
import org.melodypalette.music.Note;
import org.melodypalette.music.PianoRoll;
import org.melodypalette.music.TimeGrid;
import org.melodypalette.testing.SharedData;
import org.melodypalette.tokenizer.MelodyVocabulary;

/**
 * How the commands that read melodies choose their bars and announce every reduction: real songs
 * start late, carry chords and notes past the piano, and come in metres the models do not have.
 */
class InputReadingCliTest {

    private static final TimeGrid FOUR_FOUR_AT_96 = new TimeGrid(4, 4, 4, 96);

    @TempDir
    Path dir;

    /** Eight silent 4/4 bars, then bar 9: C4 E4 G4 C5 quarters, bar 10: D4 half note. */
    private Path lateSong(String name) throws IOException {
        Path file = dir.resolve(name);
        int bar9 = 8 * 16;
        MidiFiles.write(file, Melody.of(FOUR_FOUR_AT_96, 12 * 16, List.of(Note.of(60, bar9, bar9 + 4),
                Note.of(64, bar9 + 4, bar9 + 8), Note.of(67, bar9 + 8, bar9 + 12), Note.of(72, bar9 + 12, bar9 + 16),
                Note.of(62, bar9 + 16, bar9 + 24))), MidiExport.DEFAULT);
        return file;
    }

    private static int noteOn(int pitch) {
        return MelodyVocabulary.MAGENTA.noteOn(pitch);
    }

    @Test
    void tokenizeStartsAtTheFirstBarWithANoteAndSaysWhichBarInOneLine() throws IOException {
        Path song = lateSong("late.mid");

        CliRun run = CliRun.of("tokenize", "--steps", "32", "--json", song.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode labels = Json.MAPPER.readTree(run.out()).get("labels").get(0);
        assertThat(labels.get(0).asInt()).isEqualTo(noteOn(60));
        assertThat(labels.get(16).asInt()).isEqualTo(noteOn(62));
        assertThat(run.err().lines().toList()).containsExactly(
                song + ": reading bars 9–10 of track 'Melody' (the melody starts in bar 9)");
    }

    @Test
    void fromBarAndBarsChooseTheWindowAndAnEmptyWindowIsRefusedNamingTheFile() throws IOException {
        Path song = lateSong("late.mid");

        CliRun second = CliRun.of("tokenize", "--steps", "16", "--json", "--from-bar", "10", "--bars", "1",
                song.toString());
        CliRun silent = CliRun.of("tokenize", "--steps", "32", "--from-bar", "1", song.toString());

        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(Json.MAPPER.readTree(second.out()).get("labels").get(0).get(0).asInt()).isEqualTo(noteOn(62));
        assertThat(second.err()).contains("reading bar 10 of track 'Melody'").doesNotContain("melody starts");
        assertThat(silent.exitCode()).isEqualTo(2);
        assertThat(silent.out()).isEmpty();
        assertThat(silent.err().lines().toList()).containsExactly("palette tokenize: " + song
                + ": no notes in bars 1–2 of track 'Melody' (its first note is in bar 9); --from-bar chooses another bar");
    }

    @Test
    void interpolateBetweenALateSongAndATuneWritesNotesAtTheTempoOfA() throws IOException {
        Path checkpoint = SharedData.require("magenta/checkpoints/mel_2bar_small_random");
        Path a = lateSong("a.mid");
        Path b = dir.resolve("b.mid");
        MidiFiles.write(b, Melody.of(new TimeGrid(4, 4, 4, 140), 32, List.of(Note.of(72, 0, 8), Note.of(71, 8, 16),
                Note.of(69, 16, 32))), MidiExport.DEFAULT);
        Path out = dir.resolve("out");

        CliRun run = CliRun.of("interpolate", "--checkpoint", checkpoint.toString(), "--steps", "3",
                "--keep-originals", "--out", out.toString(), a.toString(), b.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains(a + ": reading bars 9–10");
        List<MidiSong> written = new ArrayList<>();
        for (String line : run.out().lines().toList()) {
            written.add(MidiFiles.read(Path.of(line)));
        }
        assertThat(written).hasSize(3);
        assertThat(written).allSatisfy(song -> assertThat(song.firstTempo().qpm()).isEqualTo(96.0));
        assertThat(written.get(0).noteCount()).isEqualTo(5);
        assertThat(written.get(2).noteCount()).isEqualTo(3);
    }

    /** A 2-bar 4/4 passage: 4 three-note chords (8 notes below the top dropped), then 3 notes above C8. */
    private Path chordsAndHighNotes(String name) throws IOException {
        List<Note> notes = new ArrayList<>();
        for (int beat = 0; beat < 4; beat++) {
            for (int pitch : new int[] {60, 64, 67}) {
                notes.add(Note.of(pitch + beat, beat * 4, beat * 4 + 4));
            }
        }
        notes.add(Note.of(110, 16, 20));
        notes.add(Note.of(113, 20, 24));
        notes.add(Note.of(115, 24, 28));
        Path file = dir.resolve(name);
        MidiFiles.write(file, PianoRoll.of(TimeGrid.SIXTEENTHS_4_4, 32, notes), MidiExport.DEFAULT);
        return file;
    }

    @Test
    void chordsAndNotesAboveC8AreAnnouncedAndFoldedTheSameWayByTokenizeAndEncode() throws IOException {
        Path file = chordsAndHighNotes("piano.mid");
        Path checkpoint = SharedData.require("magenta/checkpoints/mel_2bar_small_random");

        CliRun tokenize = CliRun.of("tokenize", "--steps", "32", "--json", file.toString());
        CliRun encode = CliRun.of("encode", "--checkpoint", checkpoint.toString(), file.toString());

        assertThat(tokenize.exitCode()).as(tokenize.err()).isZero();
        List<String> announced = List.of(file + ": chords → top line: 8 notes dropped",
                file + ": 3 notes above C8 folded down an octave");
        assertThat(tokenize.err().lines().toList()).containsExactlyElementsOf(announced);
        JsonNode labels = Json.MAPPER.readTree(tokenize.out()).get("labels").get(0);
        assertThat(labels.get(0).asInt()).isEqualTo(noteOn(67));
        assertThat(labels.get(16).asInt()).isEqualTo(noteOn(98));
        assertThat(labels.get(24).asInt()).isEqualTo(noteOn(103));
        assertThat(encode.exitCode()).as(encode.err()).isZero();
        assertThat(encode.err().lines().toList()).containsExactlyElementsOf(announced);
    }

    @Test
    void outOfRangeRefuseStopsEveryCommandAtTheFirstSuchNoteWithoutNamingJavaTypes() throws IOException {
        Path file = chordsAndHighNotes("piano.mid");
        Path checkpoint = SharedData.require("magenta/checkpoints/mel_2bar_small_random");

        CliRun tokenize = CliRun.of("tokenize", "--steps", "32", "--out-of-range", "refuse", file.toString());
        CliRun encode = CliRun.of("encode", "--checkpoint", checkpoint.toString(), "--out-of-range", "refuse",
                file.toString());

        String expected = ": the note D8 in bar 2 is outside the range A0–C8; --out-of-range fold moves such notes "
                + "by octaves into it";
        assertThat(tokenize.exitCode()).isEqualTo(2);
        assertThat(tokenize.err()).endsWith(file + expected + System.lineSeparator()).doesNotContain("OutOfRangePolicy");
        assertThat(encode.exitCode()).isEqualTo(2);
        assertThat(encode.err()).contains(file + expected);
    }

    @Test
    void aThreeFourTuneIsReadWithAPlainWordAboutTheModelsFourFour() throws IOException {
        Path waltz = dir.resolve("waltz.mid");
        MidiFiles.write(waltz, Melody.of(new TimeGrid(4, 3, 4, 120), 36,
                List.of(Note.of(67, 0, 4), Note.of(69, 12, 16), Note.of(71, 24, 36))), MidiExport.DEFAULT);

        CliRun run = CliRun.of("tokenize", "--steps", "32", "--json", waltz.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err().lines().toList()).containsExactly(waltz + ": in 3/4: the models work in 4/4, so it is "
                + "read as a stream of sixteenths (its bar lines fall inside 4/4 bars) and what the model makes of "
                + "it is in 4/4");
        JsonNode labels = Json.MAPPER.readTree(run.out()).get("labels").get(0);
        assertThat(labels.get(12).asInt()).isEqualTo(noteOn(69));
        assertThat(labels.get(24).asInt()).isEqualTo(noteOn(71));
    }

    @Test
    void oneDroppedNoteIsOneNote() throws IOException {
        Path file = dir.resolve("dyad.mid");
        MidiFiles.write(file, PianoRoll.of(TimeGrid.SIXTEENTHS_4_4, 32, List.of(Note.of(60, 0, 8), Note.of(64, 0, 8))),
                MidiExport.DEFAULT);

        CliRun run = CliRun.of("tokenize", "--steps", "32", file.toString());

        assertThat(run.err().lines().toList()).containsExactly(file + ": chords → top line: 1 note dropped");
    }

    @Test
    void renderOfAFileWithoutNotesSaysSoAndExitsNonZero() throws IOException {
        Path empty = dir.resolve("empty.mid");
        MidiFiles.write(empty, Melody.silent(TimeGrid.SIXTEENTHS_4_4, 32), MidiExport.DEFAULT);

        CliRun run = CliRun.of("render", "--out", dir.resolve("wav").toString(), empty.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(empty + ": it has no notes; nothing to render");
        assertThat(Files.exists(dir.resolve("wav").resolve("empty.wav"))).isFalse();
    }
}
