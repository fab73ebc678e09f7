package org.melodypalette.midi;

import java.util.Comparator;
import java.util.List;

/**
 * One track of a {@link MidiSong} with its notes paired (see {@link MidiFiles#read}).
 *
 * @param index   position in {@link MidiSong#tracks()}; for format 1 files the file's track number
 *                (0 is usually the conductor track)
 * @param name    the track's first track-name meta event (FF 03), or "" when it has none
 * @param channel the channel most of the notes use (lowest on ties), or for a track without notes
 *                the channel of its first channel message; {@link #NO_CHANNEL} when it has none
 * @param program the General MIDI program (instrument) 0..127 in effect on {@code channel} at the
 *                first note, or {@link #NO_PROGRAM} when the file sets none
 * @param notes   sorted by start tick, then pitch, then channel
 * @param endTick tick of the track's end-of-track event (at least the last note's end)
 */
public record MidiTrack(int index, String name, int channel, int program, List<MidiNote> notes, long endTick) {

    public static final int NO_CHANNEL = -1;
    public static final int NO_PROGRAM = -1;
    /** Channel 10 as numbered from 1: General MIDI percussion. */
    public static final int DRUM_CHANNEL = 9;

    /** Order of {@link #notes()}. */
    public static final Comparator<MidiNote> ORDER = Comparator.comparingLong(MidiNote::startTick)
            .thenComparingInt(MidiNote::pitch).thenComparingInt(MidiNote::channel);

    public MidiTrack {
        if (index < 0) {
            throw new IllegalArgumentException("index " + index + " is negative");
        }
        if (name == null) {
            throw new IllegalArgumentException("name is required (\"\" for none)");
        }
        if (channel < NO_CHANNEL || channel > 15) {
            throw new IllegalArgumentException("channel " + channel + " is outside 0..15 (or -1 for none)");
        }
        if (program < NO_PROGRAM || program > 127) {
            throw new IllegalArgumentException("program " + program + " is outside 0..127 (or -1 for none)");
        }
        notes = List.copyOf(notes);
        for (int i = 1; i < notes.size(); i++) {
            if (ORDER.compare(notes.get(i - 1), notes.get(i)) > 0) {
                throw new IllegalArgumentException("notes are not sorted: " + notes.get(i - 1) + " then " + notes.get(i));
            }
        }
        for (MidiNote note : notes) {
            if (note.endTick() > endTick) {
                throw new IllegalArgumentException("note " + note + " ends after the track's end tick " + endTick);
            }
        }
    }

    public boolean hasNotes() {
        return !notes.isEmpty();
    }

    /** Whether the track plays on the General MIDI percussion channel. */
    public boolean isDrums() {
        return channel == DRUM_CHANNEL;
    }

    /** {@code 2 'MELODY'}: how messages refer to a track. */
    public String label() {
        return index + " '" + name + "'";
    }
}
