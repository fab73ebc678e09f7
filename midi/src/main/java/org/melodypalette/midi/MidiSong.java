package org.melodypalette.midi;

import java.util.List;
import org.melodypalette.music.Metre;

/**
 * Everything the project uses from a Standard MIDI File: its tracks with paired notes, the tempo
 * map and the time signatures, all in ticks.
 *
 * @param source          the file (or name) it was read from, for messages
 * @param format          SMF format, 0 or 1
 * @param ticksPerQuarter the file's resolution (PPQ)
 * @param tempos          set-tempo events of all tracks, sorted by tick; at most one per tick
 *                        (the file's last one wins)
 * @param timeSignatures  time-signature events of all tracks, sorted by tick; at most one per tick
 */
public record MidiSong(String source, int format, int ticksPerQuarter, List<MidiTrack> tracks,
        List<TempoChange> tempos, List<TimeSignatureChange> timeSignatures) {

    public MidiSong {
        if (source == null) {
            throw new IllegalArgumentException("source is required");
        }
        if (format != 0 && format != 1) {
            throw new IllegalArgumentException("format " + format + " is not 0 or 1");
        }
        if (ticksPerQuarter < 1) {
            throw new IllegalArgumentException("ticksPerQuarter " + ticksPerQuarter + " must be positive");
        }
        tracks = List.copyOf(tracks);
        tempos = List.copyOf(tempos);
        timeSignatures = List.copyOf(timeSignatures);
        for (int i = 0; i < tracks.size(); i++) {
            if (tracks.get(i).index() != i) {
                throw new IllegalArgumentException("track at position " + i + " has index " + tracks.get(i).index());
            }
        }
        for (int i = 1; i < tempos.size(); i++) {
            if (tempos.get(i).tick() <= tempos.get(i - 1).tick()) {
                throw new IllegalArgumentException("tempo changes are not strictly increasing in tick: " + tempos);
            }
        }
        for (int i = 1; i < timeSignatures.size(); i++) {
            if (timeSignatures.get(i).tick() <= timeSignatures.get(i - 1).tick()) {
                throw new IllegalArgumentException("time signatures are not strictly increasing in tick: " + timeSignatures);
            }
        }
    }

    /** The first tempo event wherever it sits, or 120 qpm when the file has none. */
    public TempoChange firstTempo() {
        return tempos.isEmpty() ? new TempoChange(0, TempoChange.DEFAULT_MICROS_PER_QUARTER) : tempos.get(0);
    }

    /** The first time signature wherever it sits, or 4/4 when the file has none. */
    public Metre firstMetre() {
        return timeSignatures.isEmpty() ? Metre.FOUR_FOUR : timeSignatures.get(0).metre();
    }

    /** Tempo in effect at {@code tick} (120 qpm before the first tempo event). */
    public TempoChange tempoAt(long tick) {
        TempoChange current = new TempoChange(0, TempoChange.DEFAULT_MICROS_PER_QUARTER);
        for (TempoChange change : tempos) {
            if (change.tick() > tick) {
                break;
            }
            current = change;
        }
        return current;
    }

    /** Seconds from the start to {@code tick}, following the tempo map. */
    public double secondsAt(long tick) {
        double micros = 0;
        long previousTick = 0;
        int microsPerQuarter = TempoChange.DEFAULT_MICROS_PER_QUARTER;
        for (TempoChange change : tempos) {
            if (change.tick() >= tick) {
                break;
            }
            micros += (double) (change.tick() - previousTick) * microsPerQuarter / ticksPerQuarter;
            previousTick = change.tick();
            microsPerQuarter = change.microsPerQuarter();
        }
        micros += (double) (tick - previousTick) * microsPerQuarter / ticksPerQuarter;
        return micros / 1e6;
    }

    /** The latest end-of-track tick over all tracks. */
    public long endTick() {
        return tracks.stream().mapToLong(MidiTrack::endTick).max().orElse(0);
    }

    public int noteCount() {
        return tracks.stream().mapToInt(t -> t.notes().size()).sum();
    }

    /** Track labels like {@code 0 '', 1 'MELODY'} for messages. */
    public String trackLabels() {
        return String.join(", ", tracks.stream().map(MidiTrack::label).toList());
    }
}
