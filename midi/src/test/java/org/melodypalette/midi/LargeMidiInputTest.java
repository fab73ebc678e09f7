package org.melodypalette.midi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs too large to commit, generated here: refused cleanly, or read without quadratic work. */
class LargeMidiInputTest {

    @Test
    void aMillionNotesAreOverTheEventLimit() {
        byte[] bytes = oneTrackOfNotes(1_000_000);

        assertThat(bytes.length).as("a few MB, under the size limit").isBetween(5_000_000, 8_000_000);
        assertThatThrownBy(() -> MidiFiles.read(bytes, "million.mid"))
                .isInstanceOf(MidiFormatException.class)
                .hasMessage("million.mid: the file has more than 1000000 events, the limit");
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedBeforeReading(@TempDir Path dir) throws IOException {
        Path huge = dir.resolve("huge.mid");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(MidiLimits.DEFAULT.maxFileBytes() + 1); // sparse: no disk blocks written
        }

        assertThatThrownBy(() -> MidiFiles.read(huge))
                .isInstanceOf(MidiFormatException.class)
                .hasMessage(huge + ": the file is 33554433 bytes; MIDI files over 33554432 bytes are refused");
    }

    /**
     * 1,024 tracks each look up their program among 100,000 program changes of a conductor track
     * (this was a scan of every change per track; a fuzzed-size file took seconds).
     */
    @Test
    void everyTrackOfAManyTrackFileGetsTheProgramInEffectAtItsFirstNote() throws MidiFormatException {
        int changes = 100_000;
        int tracks = 1024;
        ByteArrayOutputStream conductor = new ByteArrayOutputStream();
        conductor.writeBytes(Smf.program(0, 0, 0));
        for (int tick = 1; tick < changes; tick++) {
            conductor.writeBytes(new byte[] {1, (byte) (tick % 128)}); // running status: program tick % 128
        }
        byte[][] chunks = new byte[tracks][];
        chunks[0] = Smf.track(conductor.toByteArray());
        for (int k = 1; k < tracks; k++) {
            chunks[k] = Smf.track(Smf.noteOn(97L * k, 0, 60, 100), Smf.noteOff(1, 0, 60));
        }

        MidiSong song = MidiFiles.read(Smf.file(1, 480, chunks), "many.mid");

        assertThat(song.tracks()).hasSize(tracks);
        for (int k = 1; k < tracks; k++) {
            assertThat(song.tracks().get(k).program()).as("track %d", k).isEqualTo(97 * k % 128);
        }
    }

    /**
     * One track of {@code notes} one-tick notes of middle C, in running status after the first
     * note-on: velocity 0 ends a note, velocity 100 starts the next (about 7 bytes per note).
     */
    private static byte[] oneTrackOfNotes(int notes) {
        ByteArrayOutputStream events = new ByteArrayOutputStream();
        events.writeBytes(Smf.noteOn(0, 0, 60, 100));
        for (int i = 0; i < notes; i++) {
            if (i > 0) {
                events.writeBytes(new byte[] {0, 60, 100});
            }
            events.writeBytes(new byte[] {1, 60, 0});
        }
        return Smf.file(1, 480, Smf.track(events.toByteArray()));
    }
}
