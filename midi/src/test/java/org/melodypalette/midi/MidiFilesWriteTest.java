package org.melodypalette.midi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.Track;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melodypalette.music.Melody;
import org.melodypalette.music.Metre;
import org.melodypalette.music.Note;
import org.melodypalette.music.PianoRoll;
import org.melodypalette.music.TimeGrid;

class MidiFilesWriteTest {

    private static final TimeGrid WALTZ = new TimeGrid(4, 3, 4, 96.0);
    /** Two 3/4 bars with a repeated note (end of one = start of the next) and varied velocities. */
    private static final Melody MELODY = new Melody(WALTZ, 24, List.of(
            new Note(67, 100, 0, 4), new Note(67, 40, 4, 6), new Note(71, 127, 8, 12), new Note(74, 1, 12, 23)));

    @Test
    void writtenMelodyReadsBackEqual() throws Exception {
        MidiExport export = new MidiExport("Lead line", 81, 0);

        MidiSong song = MidiFiles.read(MidiFiles.toBytes(MELODY, export), "written.mid");
        ExtractedMelody back = MelodyExtraction.extract(song, TrackSelector.byName("Lead line"), QuantizeOptions.DEFAULT);

        assertThat(back.melody()).isEqualTo(MELODY);
        assertThat(back.trackIndex()).isEqualTo(1);
        assertThat(back.trackName()).isEqualTo("Lead line");
        assertThat(back.offsetTicks()).isZero();
        assertThat(back.onGridShare()).isEqualTo(1.0);
        assertThat(song.tracks().get(1).program()).isEqualTo(81);
        assertThat(song.firstTempo().qpm()).isEqualTo(96.0);
        assertThat(song.firstMetre()).isEqualTo(new Metre(3, 4));
    }

    @Test
    void writtenPianoRollReadsBackEqualIncludingChordsAndTrailingRests() throws Exception {
        PianoRoll roll = PianoRoll.of(new TimeGrid(4, 6, 8, 132.0), 36, List.of(
                new Note(60, 90, 0, 6), new Note(64, 80, 0, 6), new Note(67, 70, 0, 3), new Note(67, 75, 3, 6),
                new Note(72, 110, 7, 8)));

        MidiSong song = MidiFiles.read(MidiFiles.toBytes(roll, MidiExport.DEFAULT), "roll.mid");
        QuantizedTrack back = Quantizer.quantize(song, TrackSelector.byIndex(1), QuantizeOptions.DEFAULT);

        assertThat(back.roll()).isEqualTo(roll);
        assertThat(back.track().name()).isEqualTo("Melody");
        assertThat(back.track().program()).isZero();
    }

    @Test
    void writesAFormat1FileWithAConductorTrackThatADawReads() throws Exception {
        byte[] bytes = MidiFiles.toBytes(MELODY, MidiExport.DEFAULT);
        Sequence sequence = MidiSystem.getSequence(new ByteArrayInputStream(bytes));

        assertThat(MidiSystem.getMidiFileFormat(new ByteArrayInputStream(bytes)).getType()).isEqualTo(1);
        assertThat(sequence.getDivisionType()).isEqualTo(Sequence.PPQ);
        assertThat(sequence.getResolution()).isEqualTo(480);
        assertThat(sequence.getTracks()).hasSize(2);
        Track conductor = sequence.getTracks()[0];
        MetaMessage timeSignature = metaAtTickZero(conductor, 0x58);
        MetaMessage tempo = metaAtTickZero(conductor, 0x51);
        assertThat(timeSignature.getData()).containsExactly(3, 2, 24, 8);
        assertThat(tempo.getData()).containsExactly(0x09, 0x89, 0x68); // 625,000 µs = 96 qpm
        // both tracks end at the end of bar 2: 24 steps × 120 ticks
        assertThat(conductor.ticks()).isEqualTo(2880);
        assertThat(sequence.getTracks()[1].ticks()).isEqualTo(2880);
    }

    @Test
    void writesTheFileAtomicallyWithTheSameBytes(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("out/loop.mid");
        Files.createDirectories(target.getParent());
        Files.writeString(target, "old content");

        MidiFiles.write(target, MELODY, MidiExport.DEFAULT);

        assertThat(Files.readAllBytes(target)).isEqualTo(MidiFiles.toBytes(MELODY, MidiExport.DEFAULT));
        assertThat(Files.list(target.getParent())).containsExactly(target);
        MidiFiles.write(target, PianoRoll.of(MELODY), MidiExport.DEFAULT.withTrackName("Roll"));
        assertThat(MidiFiles.read(target).tracks().get(1).name()).isEqualTo("Roll");
    }

    @Test
    void stepsThatDoNotDivide480TicksStillRoundTrip() throws Exception {
        Melody triplets = new Melody(new TimeGrid(7, 4, 4, 120.0), 28, List.of(
                Note.of(60, 0, 1), Note.of(62, 1, 3), Note.of(64, 3, 4), Note.of(65, 5, 27)));

        MidiSong song = MidiFiles.read(MidiFiles.toBytes(triplets, MidiExport.DEFAULT), "sevens.mid");
        ExtractedMelody back = MelodyExtraction.extract(song, TrackSelector.byIndex(1),
                QuantizeOptions.DEFAULT.withStepsPerQuarter(7));

        assertThat(back.melody()).isEqualTo(triplets);
    }

    private static MetaMessage metaAtTickZero(Track track, int type) {
        for (int i = 0; i < track.size(); i++) {
            MidiEvent event = track.get(i);
            if (event.getMessage() instanceof MetaMessage meta && meta.getType() == type) {
                assertThat(event.getTick()).isZero();
                return meta;
            }
        }
        throw new AssertionError("no meta event of type " + type);
    }
}
