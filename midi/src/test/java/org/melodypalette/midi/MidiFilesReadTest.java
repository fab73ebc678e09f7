package org.melodypalette.midi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;
import static org.melodypalette.midi.Smf.endOfTrack;
import static org.melodypalette.midi.Smf.event;
import static org.melodypalette.midi.Smf.file;
import static org.melodypalette.midi.Smf.name;
import static org.melodypalette.midi.Smf.noteOff;
import static org.melodypalette.midi.Smf.noteOn;
import static org.melodypalette.midi.Smf.program;
import static org.melodypalette.midi.Smf.tempo;
import static org.melodypalette.midi.Smf.timeSignature;
import static org.melodypalette.midi.Smf.track;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melodypalette.music.Metre;

class MidiFilesReadTest {

    private static MidiSong read(byte[] bytes) throws MidiFormatException {
        return MidiFiles.read(bytes, "test.mid");
    }

    @Test
    void readsFormat1TracksWithNamesProgramsAndNotes() throws Exception {
        MidiSong song = read(file(1, 480,
                track(name(0, "Conductor"), tempo(0, 500_000), timeSignature(0, 3, 2)),
                track(name(0, "Lead"), program(0, 0, 73), noteOn(0, 0, 72, 90), noteOff(240, 0, 72),
                        noteOn(0, 0, 74, 80), noteOff(480, 0, 74))));

        assertThat(song.format()).isEqualTo(1);
        assertThat(song.ticksPerQuarter()).isEqualTo(480);
        assertThat(song.tracks()).extracting(MidiTrack::name).containsExactly("Conductor", "Lead");
        MidiTrack lead = song.tracks().get(1);
        assertThat(lead.channel()).isZero();
        assertThat(lead.program()).isEqualTo(73);
        assertThat(lead.notes()).containsExactly(
                new MidiNote(0, 72, 90, 0, 240), new MidiNote(0, 74, 80, 240, 720));
        assertThat(lead.endTick()).isEqualTo(720);
        assertThat(song.tracks().get(0).hasNotes()).isFalse();
        assertThat(song.tracks().get(0).program()).isEqualTo(MidiTrack.NO_PROGRAM);
        assertThat(song.firstMetre()).isEqualTo(new Metre(3, 4));
        assertThat(song.firstTempo().qpm()).isEqualTo(120.0);
    }

    @Test
    void splitsAFormat0TrackByChannel() throws Exception {
        MidiSong song = read(file(0, 96, track(name(0, "Tune"),
                program(0, 1, 33), program(0, 0, 40),
                noteOn(0, 1, 40, 100), noteOn(0, 0, 76, 100), noteOff(96, 0, 76), noteOff(0, 1, 40),
                noteOn(0, 9, 36, 100), noteOff(10, 9, 36))));

        assertThat(song.format()).isZero();
        assertThat(song.tracks()).extracting(MidiTrack::index, MidiTrack::name, MidiTrack::channel, MidiTrack::program)
                .containsExactly(
                        tuple(0, "Tune", 0, 40),
                        tuple(1, "Tune", 1, 33),
                        tuple(2, "Tune", 9, MidiTrack.NO_PROGRAM));
        assertThat(song.tracks().get(0).notes()).containsExactly(new MidiNote(0, 76, 100, 0, 96));
        assertThat(song.tracks().get(2).isDrums()).isTrue();
    }

    @Test
    void noteOnWithVelocityZeroEndsTheNote() throws Exception {
        MidiSong song = read(file(1, 480, track(
                noteOn(0, 0, 60, 100), noteOn(120, 0, 60, 0), noteOn(0, 0, 62, 100), event(120, 0x90, 62, 0))));

        assertThat(song.tracks().get(0).notes()).containsExactly(
                new MidiNote(0, 60, 100, 0, 120), new MidiNote(0, 62, 100, 120, 240));
    }

    @Test
    void runningStatusIsUnderstood() throws Exception {
        // 0x90 once, then pairs of data bytes; velocity 0 ends the notes
        MidiSong song = read(file(1, 480, track(
                event(0, 0x90, 60, 100), event(120, 60, 0), event(0, 64, 90), event(120, 64, 0))));

        assertThat(song.tracks().get(0).notes()).containsExactly(
                new MidiNote(0, 60, 100, 0, 120), new MidiNote(0, 64, 90, 120, 240));
    }

    @Test
    void overlappingNotesOfTheSamePitchArePairedFirstInFirstOut() throws Exception {
        MidiSong song = read(file(1, 480, track(
                noteOn(0, 0, 60, 100), noteOn(100, 0, 60, 50), noteOff(100, 0, 60), noteOff(100, 0, 60))));

        assertThat(song.tracks().get(0).notes()).containsExactly(
                new MidiNote(0, 60, 100, 0, 200), new MidiNote(0, 60, 50, 100, 300));
    }

    @Test
    void anOnThenOffAtOneTickEndsTheOlderNoteAndKeepsTheNewOne() throws Exception {
        MidiSong song = read(file(1, 480, track(
                noteOn(0, 0, 60, 100), noteOn(240, 0, 60, 90), noteOff(0, 0, 60), noteOff(240, 0, 60))));

        assertThat(song.tracks().get(0).notes()).containsExactly(
                new MidiNote(0, 60, 100, 0, 240), new MidiNote(0, 60, 90, 240, 480));
    }

    @Test
    void keepsZeroLengthNotesEndsOpenNotesAtTheTrackEndAndIgnoresStrayOffs() throws Exception {
        MidiSong song = read(file(1, 480, Smf.chunk("MTrk", Smf.concat(
                noteOff(0, 0, 50), noteOn(0, 0, 36, 100), noteOff(0, 0, 36), noteOn(10, 0, 64, 70),
                endOfTrack(990)))));

        MidiTrack track = song.tracks().get(0);
        assertThat(track.notes()).containsExactly(new MidiNote(0, 36, 100, 0, 0), new MidiNote(0, 64, 70, 10, 1000));
        assertThat(track.endTick()).isEqualTo(1000);
    }

    @Test
    void collectsTheTempoMapAndTimeSignaturesFromEveryTrack() throws Exception {
        MidiSong song = read(file(1, 480,
                track(tempo(0, 500_000), timeSignature(0, 4, 2), tempo(1920, 1_000_000), timeSignature(0, 6, 3)),
                track(tempo(3840, 400_000), noteOn(0, 0, 60, 100), noteOff(480, 0, 60))));

        assertThat(song.tempos()).containsExactly(new TempoChange(0, 500_000), new TempoChange(1920, 1_000_000),
                new TempoChange(3840, 400_000));
        assertThat(song.timeSignatures()).containsExactly(new TimeSignatureChange(0, Metre.FOUR_FOUR),
                new TimeSignatureChange(1920, new Metre(6, 8)));
        assertThat(song.tempoAt(2000).qpm()).isEqualTo(60.0);
        // 4 quarters at 120 qpm (2 s) + 4 quarters at 60 qpm (4 s) + 1 quarter at 150 qpm (0.4 s)
        assertThat(song.secondsAt(4320)).isCloseTo(6.4, within(1e-9));
    }

    @Test
    void theLastTempoAtATickWins() throws Exception {
        MidiSong song = read(file(1, 480, track(tempo(0, 500_000), tempo(0, 600_000))));

        assertThat(song.tempos()).containsExactly(new TempoChange(0, 600_000));
    }

    @Test
    void aFileWithoutTempoOrMetreMeansOneTwentyInFourFour() throws Exception {
        MidiSong song = read(file(1, 480, track(noteOn(0, 0, 60, 100), noteOff(480, 0, 60))));

        assertThat(song.tempos()).isEmpty();
        assertThat(song.firstTempo().qpm()).isEqualTo(120.0);
        assertThat(song.firstMetre()).isEqualTo(Metre.FOUR_FOUR);
    }

    @Test
    void theProgramComesFromTheChannelAtTheFirstNoteEvenWhenSetInAnotherTrack() throws Exception {
        MidiSong song = read(file(1, 480,
                track(program(0, 2, 24), program(0, 3, 11)),
                track(name(0, "Guitar"), noteOn(10, 2, 60, 100), noteOff(10, 2, 60)),
                track(name(0, "Late program"), noteOn(0, 4, 60, 100), program(10, 4, 56), noteOff(10, 4, 60))));

        assertThat(song.tracks()).extracting(MidiTrack::program).containsExactly(24, 24, 56);
    }

    @Test
    void decodesUtf8TrackNamesAndFallsBackToLatin1() throws Exception {
        MidiSong song = read(file(1, 480,
                track(name(0, "Mélodie 旋律")),
                track(Smf.meta(0, 0x03, new byte[] {'C', (byte) 0xE9, 'l', 0}))));

        assertThat(song.tracks()).extracting(MidiTrack::name).containsExactly("Mélodie 旋律", "Cél");
    }

    @Test
    void skipsUnknownChunks() throws Exception {
        byte[] bytes = Smf.concat(Smf.header(1, 1, 480), Smf.chunk("XFIH", new byte[] {1, 2, 3}),
                track(noteOn(0, 0, 60, 100), noteOff(480, 0, 60)));

        assertThat(read(bytes).tracks().get(0).notes()).hasSize(1);
    }

    @Test
    void readsAFileFromDiskAndNamesItAsTheSource(@TempDir Path dir)
            throws Exception {
        Path path = dir.resolve("tune.mid");
        Files.write(path, file(1, 480, track(noteOn(0, 0, 60, 100), noteOff(480, 0, 60))));

        MidiSong song = MidiFiles.read(path);

        assertThat(song.source()).isEqualTo(path.toString());
        assertThat(song.noteCount()).isEqualTo(1);
        assertThat(song.tracks()).extracting(t -> t.notes()).containsExactly(List.of(new MidiNote(0, 60, 100, 0, 480)));
    }
}
