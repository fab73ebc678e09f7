package org.melodypalette.midi;

import org.melodypalette.music.Melody;

/**
 * The melody found in a song, with where it came from.
 *
 * @param melody      monophonic, on a grid with the song's first tempo and first time signature
 *                    (or the metre override), as long as the track rounded up to whole bars
 * @param trackIndex  index of the chosen track in {@link MidiSong#tracks()}
 * @param trackName   its name ("" if it has none)
 * @param offsetTicks the tick at which step 0 sits
 * @param onGridShare share of the chosen track's onsets on the grid, see {@link TickGrid#isOnGrid}
 */
public record ExtractedMelody(Melody melody, int trackIndex, String trackName, int offsetTicks, double onGridShare) {

    public ExtractedMelody {
        if (melody == null || trackName == null) {
            throw new IllegalArgumentException("melody and trackName are required");
        }
        if (!(onGridShare >= 0 && onGridShare <= 1)) {
            throw new IllegalArgumentException("onGridShare " + onGridShare + " is outside 0..1");
        }
    }
}
