package org.melodypalette.app.workbench.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import java.util.ArrayList;
import java.util.List;
import org.melodypalette.midi.MidiExport;
import org.melodypalette.midi.MidiFiles;
import org.melodypalette.music.Note;
import org.melodypalette.music.PianoRoll;
import org.melodypalette.music.TimeGrid;

/**
 * Writes small MIDI fixtures with plain javax.sound.midi (independent of the project's midi layer):
 * {@link #twoTrackSong}: format 1, 96 qpm, 4/4, 480 PPQ, a "Bass" track (one whole note per bar,
 * C2…) and a "Lead" track whose bar {@code b} (from 0) holds four quarter notes starting at pitch
 * {@code 60 + 2b}, {@code +2}, {@code +4}, {@code +5}.
 */
public final class MidiFixtures {

    public static final int PPQ = 480;
    public static final double QPM = 96;
    public static final int BARS = 4;

    private MidiFixtures() {
    }

    /** The lead's notes of bar {@code bar}: pitch of its i-th quarter note. */
    public static int leadPitch(int bar, int quarter) {
        int[] steps = {0, 2, 4, 5};
        return 60 + 2 * bar + steps[quarter];
    }

    public static Path twoTrackSong(Path file) throws IOException {
        try {
            Sequence sequence = new Sequence(Sequence.PPQ, PPQ);
            Track conductor = sequence.createTrack();
            int micros = (int) Math.round(60_000_000 / QPM);
            conductor.add(new MidiEvent(new MetaMessage(0x51,
                    new byte[] {(byte) (micros >> 16), (byte) (micros >> 8), (byte) micros}, 3), 0));
            conductor.add(new MidiEvent(new MetaMessage(0x58, new byte[] {4, 2, 24, 8}, 4), 0));
            Track bass = named(sequence, "Bass");
            Track lead = named(sequence, "Lead");
            for (int bar = 0; bar < BARS; bar++) {
                long barStart = (long) bar * 4 * PPQ;
                note(bass, 1, 36 + bar, barStart, barStart + 4 * PPQ - 10);
                for (int q = 0; q < 4; q++) {
                    note(lead, 0, leadPitch(bar, q), barStart + (long) q * PPQ, barStart + (long) (q + 1) * PPQ - 20);
                }
            }
            MidiSystem.write(sequence, 1, file.toFile());
            return file;
        } catch (InvalidMidiDataException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A late-starting piano passage, 4/4 at 96 qpm, one track "Melody": eight silent bars; bar 9
     * holds four three-note chords (C-E-G shapes rising a semitone per beat: 8 notes below the top
     * line); bar 10 three notes above C8 (110, 113, 115) and a D4.
     */
    public static Path lateChordsAndHighNotes(Path file) throws IOException {
        List<Note> notes = new ArrayList<>();
        int bar9 = 8 * 16;
        for (int beat = 0; beat < 4; beat++) {
            for (int pitch : new int[] {60, 64, 67}) {
                notes.add(Note.of(pitch + beat, bar9 + beat * 4, bar9 + beat * 4 + 4));
            }
        }
        notes.add(Note.of(110, bar9 + 16, bar9 + 20));
        notes.add(Note.of(113, bar9 + 20, bar9 + 24));
        notes.add(Note.of(115, bar9 + 24, bar9 + 28));
        notes.add(Note.of(62, bar9 + 28, bar9 + 32));
        MidiFiles.write(file, PianoRoll.of(new TimeGrid(4, 4, 4, QPM), 12 * 16, notes), MidiExport.DEFAULT);
        return file;
    }

    private static Track named(Sequence sequence, String name) throws InvalidMidiDataException {
        Track track = sequence.createTrack();
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        track.add(new MidiEvent(new MetaMessage(0x03, bytes, bytes.length), 0));
        return track;
    }

    private static void note(Track track, int channel, int pitch, long on, long off) throws InvalidMidiDataException {
        track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, channel, pitch, 90), on));
        track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, channel, pitch, 0), off));
    }
}
