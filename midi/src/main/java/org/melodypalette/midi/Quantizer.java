package org.melodypalette.midi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.melodypalette.music.Metre;
import org.melodypalette.music.Note;
import org.melodypalette.music.PianoRoll;
import org.melodypalette.music.TimeGrid;

/**
 * Snaps a track's tick notes to a step grid (pure; no IO).
 *
 * <p>Start and end ticks go to their nearest step, half up ({@link TickGrid#stepAt}); a note that
 * would end on or before its start step gets one step. Two notes of the same pitch that collide
 * after snapping (a piano roll cannot hold both) are resolved: when they start on the same step
 * they become one note with the first note's velocity and the later end; otherwise the earlier
 * note is cut where the later one starts.
 *
 * <p>The grid has the song's first tempo, the first time signature (or the metre of the
 * {@link QuantizeOptions}), and is as long as the later of the last note end and the track's
 * end-of-track, rounded up to whole bars.
 */
public final class Quantizer {

    private Quantizer() {
    }

    /** Selects a track of the song and quantizes it. */
    public static QuantizedTrack quantize(MidiSong song, TrackSelector selector, QuantizeOptions options)
            throws MidiFormatException {
        MidiTrack track = selector.select(song);
        TimeGrid grid = timeGrid(song, options);
        TickGrid ticks = options.tickGrid(song.ticksPerQuarter(), track);
        List<Note> notes = snap(track.notes(), ticks);
        int end = Math.max(ticks.stepAt(track.endTick()), notes.stream().mapToInt(Note::endStep).max().orElse(0));
        int bars = Math.max(1, (end + grid.stepsPerBar() - 1) / grid.stepsPerBar());
        PianoRoll roll = PianoRoll.of(grid, bars * grid.stepsPerBar(), notes);
        return new QuantizedTrack(roll, track, ticks, ticks.onGridShare(track.notes()));
    }

    /** The song's grid: first tempo, first time signature unless the options override the metre. */
    public static TimeGrid timeGrid(MidiSong song, QuantizeOptions options) throws MidiFormatException {
        Metre metre = options.metre() != null ? options.metre() : song.firstMetre();
        try {
            return TimeGrid.of(options.stepsPerQuarter(), metre, song.firstTempo().qpm());
        } catch (IllegalArgumentException e) {
            throw new MidiFormatException(song.source(), "cannot make a step grid: " + e.getMessage()
                    + " (override the metre to quantize anyway)", e);
        }
    }

    /** The notes on the grid, sorted as {@link PianoRoll} wants, same-pitch collisions resolved. */
    public static List<Note> snap(List<MidiNote> notes, TickGrid grid) {
        List<Note> snapped = new ArrayList<>(notes.size());
        for (MidiNote note : notes) {
            int start = grid.stepAt(note.startTick());
            int end = Math.max(start + 1, grid.stepAt(note.endTick()));
            snapped.add(new Note(note.pitch(), note.velocity(), start, end));
        }
        snapped.sort(PianoRoll.ORDER);
        List<Note> resolved = new ArrayList<>(snapped.size());
        int[] lastOfPitch = new int[128];
        Arrays.fill(lastOfPitch, -1);
        for (Note note : snapped) {
            int last = lastOfPitch[note.pitch()];
            Note previous = last < 0 ? null : resolved.get(last);
            if (previous != null && note.startStep() < previous.endStep()) {
                if (note.startStep() == previous.startStep()) {
                    resolved.set(last, previous.withSpan(previous.startStep(),
                            Math.max(previous.endStep(), note.endStep())));
                    continue;
                }
                resolved.set(last, previous.withSpan(previous.startStep(), note.startStep()));
            }
            lastOfPitch[note.pitch()] = resolved.size();
            resolved.add(note);
        }
        return resolved;
    }
}
