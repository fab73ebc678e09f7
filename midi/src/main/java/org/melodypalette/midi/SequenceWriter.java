package org.melodypalette.midi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import org.melodypalette.music.Note;
import org.melodypalette.music.PianoRoll;
import org.melodypalette.music.TimeGrid;

/**
 * Builds the Standard MIDI File a DAW imports: format 1 at {@link MidiFiles#TICKS_PER_QUARTER}
 * PPQ; track 0 (conductor) holds the time signature and tempo at tick 0; track 1 holds the name,
 * a program change at tick 0, then the notes with their own velocities. Both tracks end at the
 * roll's length, so a loop keeps its trailing rests. Step {@code s} is tick
 * {@code round(s · PPQ / stepsPerQuarter)}, exact whenever stepsPerQuarter divides 480.
 */
final class SequenceWriter {

    private static final int NOTE_OFF_VELOCITY = 64;
    private static final int META_END_OF_TRACK = 0x2F;

    private SequenceWriter() {
    }

    static byte[] toBytes(PianoRoll roll, MidiExport export) {
        try {
            Sequence sequence = new Sequence(Sequence.PPQ, MidiFiles.TICKS_PER_QUARTER);
            TimeGrid grid = roll.grid();
            long endTick = tick(roll.lengthSteps(), grid);

            Track conductor = sequence.createTrack();
            conductor.add(new MidiEvent(timeSignature(grid), 0));
            conductor.add(new MidiEvent(tempo(grid), 0));
            conductor.add(new MidiEvent(new MetaMessage(META_END_OF_TRACK, new byte[0], 0), endTick));

            Track notes = sequence.createTrack();
            byte[] name = export.trackName().getBytes(StandardCharsets.UTF_8);
            notes.add(new MidiEvent(new MetaMessage(0x03, name, name.length), 0));
            notes.add(new MidiEvent(new ShortMessage(ShortMessage.PROGRAM_CHANGE, export.channel(), export.program(), 0), 0));
            for (MidiEvent event : noteEvents(roll, export.channel())) {
                notes.add(event);
            }
            notes.add(new MidiEvent(new MetaMessage(META_END_OF_TRACK, new byte[0], 0), endTick));

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            MidiSystem.write(sequence, 1, out);
            return out.toByteArray();
        } catch (InvalidMidiDataException e) {
            throw new IllegalStateException("validated values made an invalid MIDI message", e);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
    }

    /**
     * Note-ons and note-offs in tick order; at equal ticks offs come first so that a note repeated
     * right after itself is not cut off, then ascending pitch. javax.sound.midi keeps the insertion
     * order of events with equal ticks.
     */
    private static List<MidiEvent> noteEvents(PianoRoll roll, int channel) throws InvalidMidiDataException {
        record Timed(long tick, boolean on, Note note) {
        }
        List<Timed> timed = new ArrayList<>();
        for (Note note : roll.notes()) {
            timed.add(new Timed(tick(note.startStep(), roll.grid()), true, note));
            timed.add(new Timed(tick(note.endStep(), roll.grid()), false, note));
        }
        timed.sort(Comparator.comparingLong(Timed::tick).thenComparing(Timed::on)
                .thenComparingInt(t -> t.note().pitch()));
        List<MidiEvent> events = new ArrayList<>(timed.size());
        for (Timed t : timed) {
            MidiMessage message = t.on()
                    ? new ShortMessage(ShortMessage.NOTE_ON, channel, t.note().pitch(), t.note().velocity())
                    : new ShortMessage(ShortMessage.NOTE_OFF, channel, t.note().pitch(), NOTE_OFF_VELOCITY);
            events.add(new MidiEvent(message, t.tick()));
        }
        return events;
    }

    private static long tick(int step, TimeGrid grid) {
        return Math.round(step * (double) MidiFiles.TICKS_PER_QUARTER / grid.stepsPerQuarter());
    }

    /** FF 58 nn dd cc bb: numerator, log2(denominator), MIDI clocks per beat, 32nds per quarter. */
    private static MetaMessage timeSignature(TimeGrid grid) throws InvalidMidiDataException {
        int clocksPerBeat = Math.max(1, 96 / grid.beatUnit());
        byte[] data = {(byte) grid.beatsPerBar(), (byte) Integer.numberOfTrailingZeros(grid.beatUnit()),
            (byte) clocksPerBeat, 8};
        return new MetaMessage(0x58, data, data.length);
    }

    /**
     * FF 51 tt tt tt: microseconds per quarter note, rounded to the nearest microsecond; tempos
     * below 3.6 qpm, which three bytes cannot hold, are written as the slowest that fits.
     */
    private static MetaMessage tempo(TimeGrid grid) throws InvalidMidiDataException {
        int micros = (int) Math.min(TempoChange.MAX_MICROS_PER_QUARTER, Math.round(60_000_000.0 / grid.qpm()));
        byte[] data = {(byte) (micros >> 16), (byte) (micros >> 8), (byte) micros};
        return new MetaMessage(0x51, data, data.length);
    }
}
