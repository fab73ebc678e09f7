package org.melodypalette.midi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.melodypalette.midi.Smf.ascii;
import static org.melodypalette.midi.Smf.chunk;
import static org.melodypalette.midi.Smf.concat;
import static org.melodypalette.midi.Smf.event;
import static org.melodypalette.midi.Smf.file;
import static org.melodypalette.midi.Smf.header;
import static org.melodypalette.midi.Smf.meta;
import static org.melodypalette.midi.Smf.noteOff;
import static org.melodypalette.midi.Smf.noteOn;
import static org.melodypalette.midi.Smf.tempo;
import static org.melodypalette.midi.Smf.track;
import static org.melodypalette.midi.Smf.u16;
import static org.melodypalette.midi.Smf.u32;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of broken input fails with one MidiFormatException that names the file and the problem. */
class MidiFilesBadInputTest {

    private static final byte[] ONE_NOTE = file(1, 480, track(noteOn(0, 0, 60, 100), noteOff(480, 0, 60)));

    private static void assertRejected(byte[] bytes, String problem) {
        assertRejected(bytes, MidiLimits.DEFAULT, problem);
    }

    private static void assertRejected(byte[] bytes, MidiLimits limits, String problem) {
        assertThatThrownBy(() -> MidiFiles.read(bytes, "bad.mid", limits))
                .isInstanceOf(MidiFormatException.class)
                .hasMessage("bad.mid: " + problem)
                .satisfies(e -> assertThat(((MidiFormatException) e).source()).isEqualTo("bad.mid"));
    }

    @Test
    void notMidi() {
        assertRejected(ascii("\u0089PNG\r\n\u001a\n...."), "not a MIDI file (it does not start with \"MThd\")");
        assertRejected(new byte[0], "not a MIDI file (it does not start with \"MThd\")");
    }

    @Test
    void truncatedHeader() {
        assertRejected(concat(ascii("MThd"), u32(6), u16(1)), "truncated: the file ends inside the header (10 bytes)");
        assertRejected(concat(ascii("MThd"), u32(0xFFFF_FFFFL), u16(1), u16(1), u16(480)),
                "truncated: the header chunk declares 4294967295 bytes but the file has 14");
        assertRejected(concat(ascii("MThd"), u32(2), u16(1), u16(1), u16(480)),
                "the header chunk is 2 bytes long; it must be at least 6");
    }

    @Test
    void truncatedTrackChunk() {
        byte[] cut = Arrays.copyOf(ONE_NOTE, ONE_NOTE.length - 5);

        assertRejected(cut, "truncated: track 0 at byte 14 declares 13 bytes but only 8 remain");
    }

    @Test
    void trackChunkDeclaringAnAbsurdLength() {
        assertRejected(concat(header(1, 1, 480), ascii("MTrk"), u32(0x7FFF_FFFFL), new byte[4]),
                "truncated: track 0 at byte 14 declares 2147483647 bytes but only 4 remain");
    }

    @Test
    void fewerTracksThanDeclared() {
        byte[] bytes = concat(header(1, 2, 480), track(noteOn(0, 0, 60, 100), noteOff(480, 0, 60)));

        assertRejected(bytes, "truncated: the header declares 2 tracks but the file ends after 1");
    }

    @Test
    void eventCutOffInsideTheTrack() {
        byte[] bytes = concat(header(1, 1, 480), chunk("MTrk", concat(noteOn(0, 0, 60, 100), event(480, 0x80, 60))));

        assertRejected(bytes, "truncated: track 0 ends inside a channel message starting at byte 26");
    }

    @Test
    void metaEventLongerThanItsTrack() {
        byte[] bytes = concat(header(1, 1, 480), chunk("MTrk", concat(event(0, 0xFF, 0x03, 20), ascii("short"))));

        assertRejected(bytes, "truncated: track 0 ends inside a meta event of 20 bytes starting at byte 22");
    }

    @Test
    void zeroTracks() {
        assertRejected(header(1, 0, 480), "the file has no tracks (its header declares 0)");
    }

    @Test
    void tooManyTracks() {
        assertRejected(header(1, 2000, 480), "the header declares 2000 tracks; at most 1024 are accepted");
    }

    @Test
    void unsupportedFormats() {
        assertRejected(file(2, 480, track()), "SMF format 2 (independent sequences) is not supported; only formats 0 and 1");
        assertRejected(file(7, 480, track()), "unknown SMF format 7; only formats 0 and 1 are supported");
    }

    @Test
    void smpteTiming() {
        // high byte -25 (two's complement 0xE7): 25 frames per second, 40 ticks per frame
        assertRejected(file(1, 0xE728, track()), "uses SMPTE time division (25 frames per second, 40 ticks per frame);"
                + " only ticks-per-quarter-note timing is supported");
    }

    @Test
    void zeroResolution() {
        assertRejected(file(1, 0, track()), "the time division is 0 ticks per quarter note");
    }

    @Test
    void hugeDeltaTimes() {
        byte[] bytes = file(1, 480, track(noteOn(0, 0, 60, 100), noteOff(0x0FFF_FFFF, 0, 60)));

        assertRejected(bytes, "track 0 has an event at tick 268435455, 559240 quarter notes in,"
                + " beyond the limit of 65536 (a huge delta time?)");
    }

    @Test
    void overlongVariableLengthNumber() {
        byte[] bytes = concat(header(1, 1, 480), chunk("MTrk", concat(
                new byte[] {(byte) 0x81, (byte) 0x81, (byte) 0x81, (byte) 0x81, 0x01}, noteOn(0, 0, 60, 100))));

        assertRejected(bytes, "track 0, byte 22: a delta time is longer than the 4 bytes a variable-length number may have");
    }

    @Test
    void tooManyEvents() {
        MidiLimits ten = new MidiLimits(1 << 20, 16, 10, 1000);
        byte[][] events = new byte[12][];
        for (int i = 0; i < events.length; i++) {
            events[i] = i % 2 == 0 ? noteOn(10, 0, 60, 100) : noteOff(10, 0, 60);
        }

        assertRejected(file(1, 480, track(events)), ten, "the file has more than 10 events, the limit");
    }

    @Test
    void tooLargeBytes() {
        MidiLimits small = new MidiLimits(30, 16, 100, 1000);

        assertRejected(file(1, 480, track(noteOn(0, 0, 60, 100), noteOff(480, 0, 60), noteOn(0, 0, 60, 100))), small,
                "the file is 39 bytes; MIDI files over 30 bytes are refused");
        assertThat(MidiLimits.DEFAULT.maxFileBytes()).isEqualTo(32L * 1024 * 1024);
    }

    @Test
    void tooLargeFileIsRefusedBeforeReadingIt(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.mid");
        Files.write(big, new byte[100_000]);

        assertThatThrownBy(() -> MidiFiles.read(big, new MidiLimits(50_000, 16, 100, 1000)))
                .isInstanceOf(MidiFormatException.class)
                .hasMessage(big + ": the file is 100000 bytes; MIDI files over 50000 bytes are refused");
    }

    @Test
    void dataByteWithoutStatus() {
        byte[] bytes = concat(header(1, 1, 480), chunk("MTrk", event(0, 60, 100)));

        assertRejected(bytes, "track 0, byte 23: data byte 0x3C without a preceding status byte"
                + " (a meta or sysex event cancels running status)");
    }

    @Test
    void runningStatusDoesNotSurviveAMetaEvent() {
        byte[] bytes = file(1, 480, track(noteOn(0, 0, 60, 100), Smf.name(0, "x"), event(10, 60, 0)));

        assertRejected(bytes, "track 0, byte 32: data byte 0x3C without a preceding status byte"
                + " (a meta or sysex event cancels running status)");
    }

    @Test
    void truncatedUnknownChunkIsNamedByItsBytes() {
        byte[] bytes = concat(header(1, 1, 480), ascii("\u0001Ab\u00ff"), u32(99));

        assertRejected(bytes, "truncated: chunk of type 0x014162FF at byte 14 declares 99 bytes but only 0 remain");
    }

    @Test
    void statusByteWhereADataByteBelongs() {
        byte[] bytes = file(1, 480, track(event(0, 0x90, 60, 0x90)));

        assertRejected(bytes, "track 0, byte 25: byte 0x90 in a channel message (status 0x90) is not a data byte"
                + " (must be below 0x80)");
    }

    @Test
    void systemRealTimeByteInAFile() {
        assertRejected(file(1, 480, track(event(0, 0xF8))), "track 0, byte 23: status byte 0xF8 is not allowed in a MIDI file");
    }

    @Test
    void invalidMetaType() {
        assertRejected(file(1, 480, track(event(0, 0xFF, 0x90, 0))),
                "track 0, byte 24: meta event type 0x90 is invalid (must be below 0x80)");
    }

    @Test
    void malformedTempoAndTimeSignature() {
        assertRejected(file(1, 480, track(meta(480, 0x51, new byte[] {7, (byte) 0xA1}))),
                "track 0, tick 480: a set-tempo event has 2 data bytes instead of 3");
        assertRejected(file(1, 480, track(tempo(0, 1000))),
                "track 0, tick 0: a tempo of 1000 microseconds per quarter note is faster than 1000 qpm");
        assertRejected(file(1, 480, track(meta(0, 0x58, new byte[] {4, 9, 24, 8}))),
                "track 0, tick 0: time signature 4/2^9 is outside 1..64 / 1..64");
        assertRejected(file(1, 480, track(meta(0, 0x58, new byte[] {4}))),
                "track 0, tick 0: a time-signature event has 1 data bytes instead of 4");
    }

    @Test
    void missingFileIsAnIoErrorNamingIt(@TempDir Path dir) {
        Path missing = dir.resolve("missing.mid");

        assertThatThrownBy(() -> MidiFiles.read(missing))
                .isInstanceOf(IOException.class)
                .isNotInstanceOf(MidiFormatException.class)
                .hasMessage("cannot read " + missing + ": no such file");
    }

    @Test
    void aFolderIsAnIoErrorNamingIt(@TempDir Path dir) {
        assertThatThrownBy(() -> MidiFiles.read(dir))
                .isInstanceOf(IOException.class)
                .isNotInstanceOf(MidiFormatException.class)
                .hasMessage("cannot read " + dir + ": is a folder, not a file");
    }

    /**
     * Damaged copies of a valid file (bytes overwritten, removed or inserted, seeded) must each
     * be read or rejected with a MidiFormatException, never anything else, and rejected by the
     * guard rather than by javax.sound.midi.
     */
    @Test
    void randomlyDamagedFilesEitherReadOrFailCleanly() {
        byte[] valid = file(1, 480,
                track(Smf.name(0, "Conductor"), tempo(0, 500_000), Smf.timeSignature(0, 4, 2)),
                track(Smf.name(0, "Lead"), Smf.program(0, 0, 5), noteOn(0, 0, 60, 100), event(240, 62, 90),
                        noteOff(240, 0, 60), event(0, 0xF0, 2, 0x43, 0xF7), noteOff(10, 0, 62)));
        Random random = new Random(42);
        int rejected = 0;
        for (int i = 0; i < 3000; i++) {
            byte[] damaged = damage(valid, random);
            try {
                MidiFiles.read(damaged, "fuzz.mid");
            } catch (MidiFormatException e) {
                assertThat(e.getMessage()).startsWith("fuzz.mid: ");
                // the guard must catch everything before javax.sound.midi sees it
                assertThat(e.problem()).doesNotStartWith("corrupt MIDI data");
                rejected++;
            }
        }
        assertThat(rejected).as("damaged files rejected").isBetween(300, 2990);
    }

    private static byte[] damage(byte[] valid, Random random) {
        byte[] bytes = valid.clone();
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
            int at = random.nextInt(bytes.length);
            switch (random.nextInt(3)) {
                case 0 -> bytes[at] = (byte) random.nextInt(256);
                case 1 -> bytes = concat(Arrays.copyOf(bytes, at), Arrays.copyOfRange(bytes, at + 1, bytes.length));
                default -> bytes = concat(Arrays.copyOf(bytes, at), new byte[] {(byte) random.nextInt(256)},
                        Arrays.copyOfRange(bytes, at, bytes.length));
            }
        }
        return bytes;
    }
}
