package org.melodypalette.app.workbench.audio;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import org.melodypalette.music.Melody;
import org.melodypalette.music.Note;

/**
 * Builds the in-memory {@link Sequence} the sequencer plays: one track, tempo, a piano program and
 * the notes, padded so the sequence lasts exactly the melody's length (so loops keep time even when
 * the last bars are silent). Files are written by the midi module, not here.
 */
public final class MelodySequences {

    /** Ticks per step: fine enough for a smooth playback cursor. */
    public static final int TICKS_PER_STEP = 24;

    private static final int META_TEMPO = 0x51;
    private static final int META_MARKER = 0x06;

    private MelodySequences() {
    }

    public static Sequence toSequence(Melody melody, double qpm) {
        try {
            Sequence sequence = new Sequence(Sequence.PPQ, TICKS_PER_STEP * melody.grid().stepsPerQuarter());
            Track track = sequence.createTrack();
            int microsPerQuarter = (int) Math.round(60_000_000.0 / qpm);
            byte[] tempo = {(byte) (microsPerQuarter >> 16), (byte) (microsPerQuarter >> 8), (byte) microsPerQuarter};
            track.add(new MidiEvent(new MetaMessage(META_TEMPO, tempo, 3), 0));
            track.add(new MidiEvent(new ShortMessage(ShortMessage.PROGRAM_CHANGE, 0, 0, 0), 0));
            for (Note note : melody.notes()) {
                track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, 0, note.pitch(), note.velocity()),
                        (long) note.startStep() * TICKS_PER_STEP));
                // Release one tick early so a note ending where the next starts never swallows it.
                track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, 0, note.pitch(), 0),
                        (long) note.endStep() * TICKS_PER_STEP - 1));
            }
            track.add(new MidiEvent(new MetaMessage(META_MARKER, new byte[] {'e', 'n', 'd'}, 3),
                    lengthTicks(melody)));
            return sequence;
        } catch (InvalidMidiDataException e) {
            throw new IllegalStateException("cannot build a MIDI sequence for " + melody, e);
        }
    }

    public static long lengthTicks(Melody melody) {
        return (long) melody.lengthSteps() * TICKS_PER_STEP;
    }
}
