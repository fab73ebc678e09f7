package org.melodypalette.midi;

import org.melodypalette.music.PianoRoll;

/**
 * A MIDI track snapped to a step grid, with where it came from and how well it fitted.
 *
 * @param roll        the track's notes on the grid (polyphonic)
 * @param track       the track it was made from
 * @param tickGrid    the tick positions of the steps that were used (including the offset)
 * @param onGridShare share of the track's note onsets that were on the grid ({@link TickGrid#isOnGrid})
 *                    before snapping
 */
public record QuantizedTrack(PianoRoll roll, MidiTrack track, TickGrid tickGrid, double onGridShare) {

    public QuantizedTrack {
        if (roll == null || track == null || tickGrid == null) {
            throw new IllegalArgumentException("roll, track and tickGrid are required");
        }
        if (!(onGridShare >= 0 && onGridShare <= 1)) {
            throw new IllegalArgumentException("onGridShare " + onGridShare + " is outside 0..1");
        }
    }
}
