package org.melodypalette.midi;

import org.melodypalette.files.BoundedFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import org.melodypalette.files.AtomicFiles;
import org.melodypalette.music.Melody;
import org.melodypalette.music.PianoRoll;

/**
 * The project's only MIDI file input and output.
 *
 * <p><b>Reading</b> accepts Standard MIDI Files of format 0 and 1 with ticks-per-quarter timing.
 * The bytes are first checked against {@link MidiLimits} (size, tracks, events, length) and for
 * structural damage by a guard that allocates nothing in proportion to declared sizes, then parsed
 * by javax.sound.midi; any failure of either, including the RuntimeExceptions javax.sound.midi
 * throws on some corrupt files, becomes one {@link MidiFormatException} naming the file and the
 * problem. A file that cannot be opened at all (missing, a folder, no permission) is a plain
 * {@link IOException} whose message also names it.
 *
 * <p>Notes: a note-on with velocity 0 is a note-off. Overlapping notes of the same channel and
 * pitch are paired first-in, first-out (a note-off ends the earliest sounding one); events at one
 * tick are taken in file order. A note-off with nothing sounding is ignored; a note still sounding
 * at the end of its track ends at the end-of-track tick; zero-length notes are kept. No note is
 * dropped or duplicated. Format 0 files are split into one track per channel, in channel order.
 *
 * <p><b>Writing</b> produces format 1 at {@value #TICKS_PER_QUARTER} PPQ: track 0 (conductor)
 * holds the time signature (FF 58) and tempo (FF 51) at tick 0, track 1 the name (FF 03, UTF-8),
 * a program change at tick 0 and the notes with their own velocities; both tracks end at the
 * melody's or roll's length, so trailing rests survive. Files are replaced atomically through
 * {@link AtomicFiles}. Reading what was written gives back every modelled value: pitch, velocity,
 * step start and end, time signature, track name, program and tempo (exactly for whole and
 * one-decimal qpm, see {@link TempoChange#qpm()}).
 */
public final class MidiFiles {

    /** Resolution of the files we write. */
    public static final int TICKS_PER_QUARTER = 480;

    private MidiFiles() {
    }

    /** Reads a MIDI file within {@link MidiLimits#DEFAULT}. */
    public static MidiSong read(Path file) throws IOException {
        return read(file, MidiLimits.DEFAULT);
    }

    /**
     * Reads a MIDI file.
     *
     * @throws MidiFormatException when the content is not a usable MIDI file
     * @throws IOException         when the file cannot be read at all (missing, unreadable)
     */
    public static MidiSong read(Path file, MidiLimits limits) throws IOException {
        String source = file.toString();
        return parse(readBounded(file, source, limits), source, limits);
    }

    /** Reads MIDI bytes (e.g. dropped on the window) within {@link MidiLimits#DEFAULT}. */
    public static MidiSong read(byte[] bytes, String source) throws MidiFormatException {
        return read(bytes, source, MidiLimits.DEFAULT);
    }

    /** Reads MIDI bytes; {@code source} names them in messages. */
    public static MidiSong read(byte[] bytes, String source, MidiLimits limits) throws MidiFormatException {
        return parse(bytes, source, limits);
    }

    /** Writes a melody as a format 1 file (see the class comment), replacing {@code file} atomically. */
    public static void write(Path file, Melody melody, MidiExport export) throws IOException {
        AtomicFiles.write(file, toBytes(melody, export));
    }

    /** Writes a piano roll as a format 1 file, replacing {@code file} atomically. */
    public static void write(Path file, PianoRoll roll, MidiExport export) throws IOException {
        AtomicFiles.write(file, toBytes(roll, export));
    }

    /** The bytes {@link #write(Path, Melody, MidiExport)} would write, e.g. for drag and drop. */
    public static byte[] toBytes(Melody melody, MidiExport export) {
        return toBytes(PianoRoll.of(melody), export);
    }

    /** The bytes {@link #write(Path, PianoRoll, MidiExport)} would write. */
    public static byte[] toBytes(PianoRoll roll, MidiExport export) {
        return SequenceWriter.toBytes(roll, export);
    }

    private static MidiSong parse(byte[] bytes, String source, MidiLimits limits) throws MidiFormatException {
        if (bytes.length > limits.maxFileBytes()) {
            throw tooLarge(source, bytes.length, limits);
        }
        SmfGuard.Header header = SmfGuard.check(bytes, source, limits);
        try {
            Sequence sequence = MidiSystem.getSequence(new ByteArrayInputStream(bytes));
            if (sequence.getTracks().length != header.tracks()) {
                throw new MidiFormatException(source, "javax.sound.midi read " + sequence.getTracks().length
                        + " of the " + header.tracks() + " tracks the header declares");
            }
            return SequenceReader.toSong(sequence, header.format(), source);
        } catch (InvalidMidiDataException | IOException | RuntimeException e) {
            if (e instanceof MidiFormatException format) {
                throw format;
            }
            throw new MidiFormatException(source, "corrupt MIDI data: " + e, e);
        }
    }

    /** The file's bytes, refusing it before reading when it is over the limit. */
    private static byte[] readBounded(Path file, String source, MidiLimits limits) throws IOException {
        long size;
        try {
            size = BoundedFiles.regularSize(file);
        } catch (BoundedFiles.Refused e) {
            throw new IOException("cannot read " + source + ": " + e.problem(), e);
        } catch (IOException e) {
            throw unreadable(source, e);
        }
        if (size > limits.maxFileBytes()) {
            throw tooLarge(source, size, limits);
        }
        try (InputStream in = Files.newInputStream(file)) {
            // at most one byte more than allowed, in case the file grew since size()
            return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxFileBytes() + 1));
        } catch (IOException e) {
            throw unreadable(source, e);
        }
    }

    private static IOException unreadable(String source, IOException e) {
        String reason;
        if (e instanceof NoSuchFileException) {
            reason = "no such file";
        } else if (e instanceof AccessDeniedException) {
            reason = "permission denied";
        } else if (e instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
            reason = fileSystem.getReason();
        } else {
            reason = e.getMessage();
        }
        return new IOException("cannot read " + source + ": " + reason, e);
    }

    private static MidiFormatException tooLarge(String source, long size, MidiLimits limits) {
        return new MidiFormatException(source, "the file is " + size + " bytes; MIDI files over "
                + limits.maxFileBytes() + " bytes are refused");
    }
}
