package org.melodypalette.midi.render;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.ShortMessage;
import org.melodypalette.midi.MidiNote;
import org.melodypalette.midi.MidiSong;
import org.melodypalette.midi.MidiTrack;
import org.melodypalette.midi.TempoChange;

/**
 * A song as the timed messages a synthesizer plays: one program change per channel at time 0, then
 * every note's on and off at its time in microseconds (following the tempo map). At equal times
 * offs come before ons, so a note repeated right after itself is not cut off.
 */
final class SongEvents {

    /** A message and when it sounds, in microseconds from the start. */
    record Timed(long micros, ShortMessage message) {
    }

    private SongEvents() {
    }

    /**
     * @param program the program every melodic channel plays, or {@link RenderSettings#KEEP_PROGRAMS}
     *                for each track's own (piano when a track sets none)
     */
    static List<Timed> of(MidiSong song, int program) {
        Clock clock = new Clock(song);
        Map<Integer, Integer> programs = programs(song, program);
        List<Timed> events = new ArrayList<>();
        try {
            for (Map.Entry<Integer, Integer> channel : programs.entrySet()) {
                events.add(new Timed(0, new ShortMessage(ShortMessage.PROGRAM_CHANGE, channel.getKey(),
                        channel.getValue(), 0)));
            }
            List<Timed> notes = new ArrayList<>();
            for (MidiTrack track : song.tracks()) {
                for (MidiNote note : track.notes()) {
                    notes.add(new Timed(clock.micros(note.startTick()),
                            new ShortMessage(ShortMessage.NOTE_ON, note.channel(), note.pitch(), note.velocity())));
                    notes.add(new Timed(clock.micros(note.endTick()),
                            new ShortMessage(ShortMessage.NOTE_OFF, note.channel(), note.pitch(), 0)));
                }
            }
            notes.sort(Comparator.comparingLong(Timed::micros)
                    .thenComparingInt(t -> t.message().getCommand() == ShortMessage.NOTE_OFF ? 0 : 1));
            events.addAll(notes);
        } catch (InvalidMidiDataException e) {
            throw new IllegalStateException("validated notes made an invalid MIDI message", e);
        }
        return events;
    }

    /** Length of the song in microseconds: its last end-of-track. */
    static long lengthMicros(MidiSong song) {
        return new Clock(song).micros(song.endTick());
    }

    /** Every program the song plays (drum kits included): the instruments a synthesizer needs loaded. */
    static Set<Integer> programsUsed(MidiSong song, int program) {
        return new TreeSet<>(programs(song, program).values());
    }

    /** Channel → program for every channel a note uses; drums (channel 10) keep program 0. */
    private static Map<Integer, Integer> programs(MidiSong song, int override) {
        Map<Integer, Integer> programs = new TreeMap<>();
        for (MidiTrack track : song.tracks()) {
            if (track.channel() != MidiTrack.NO_CHANNEL && track.program() != MidiTrack.NO_PROGRAM) {
                programs.putIfAbsent(track.channel(), track.program());
            }
            for (MidiNote note : track.notes()) {
                programs.putIfAbsent(note.channel(), 0);
            }
        }
        if (override != RenderSettings.KEEP_PROGRAMS) {
            programs.replaceAll((channel, p) -> channel == MidiTrack.DRUM_CHANNEL ? p : override);
        }
        return programs;
    }

    /** Ticks to microseconds through the tempo map, by binary search over its changes. */
    private static final class Clock {

        private final int ticksPerQuarter;
        private final long[] changeTicks;
        private final double[] changeMicros;
        private final int[] microsPerQuarter;

        Clock(MidiSong song) {
            ticksPerQuarter = song.ticksPerQuarter();
            List<TempoChange> tempos = new ArrayList<>();
            tempos.add(new TempoChange(0, TempoChange.DEFAULT_MICROS_PER_QUARTER));
            for (TempoChange change : song.tempos()) {
                if (change.tick() == 0) {
                    tempos.set(0, change);
                } else {
                    tempos.add(change);
                }
            }
            int n = tempos.size();
            changeTicks = new long[n];
            changeMicros = new double[n];
            microsPerQuarter = new int[n];
            for (int i = 0; i < n; i++) {
                changeTicks[i] = tempos.get(i).tick();
                microsPerQuarter[i] = tempos.get(i).microsPerQuarter();
                if (i > 0) {
                    changeMicros[i] = changeMicros[i - 1]
                            + (double) (changeTicks[i] - changeTicks[i - 1]) * microsPerQuarter[i - 1] / ticksPerQuarter;
                }
            }
        }

        long micros(long tick) {
            int i = Arrays.binarySearch(changeTicks, tick);
            if (i < 0) {
                i = -i - 2;
            }
            return Math.round(changeMicros[i] + (double) (tick - changeTicks[i]) * microsPerQuarter[i] / ticksPerQuarter);
        }
    }
}
