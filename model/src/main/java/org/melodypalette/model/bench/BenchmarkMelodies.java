package org.melodypalette.model.bench;

import java.util.ArrayList;
import java.util.List;
import org.melodypalette.music.Melody;
import org.melodypalette.music.Note;
import org.melodypalette.music.TimeGrid;

/**
 * The two test melodies the magenta.js peer script ({@code shared/magenta/peer/golden.js}) times
 * with, so both sides run on identical inputs: A = a C major scale in eighths up and back down
 * (last C held), B = the first two bars of Twinkle Twinkle; 2 bars each, tiled to longer models.
 * A third, a folk reel, times refinement (magenta.js has none).
 */
final class BenchmarkMelodies {

    private static final int TWO_BARS = 32;

    private BenchmarkMelodies() {
    }

    static Melody scale(int numSteps) {
        int[] pitches = {60, 62, 64, 65, 67, 69, 71, 72, 71, 69, 67, 65, 64, 62, 60};
        int[][] notes = new int[pitches.length][];
        for (int i = 0; i < pitches.length; i++) {
            notes[i] = new int[] {pitches[i], 2 * i, i == pitches.length - 1 ? TWO_BARS : 2 * i + 2};
        }
        return tiled(notes, numSteps);
    }

    static Melody twinkle(int numSteps) {
        return tiled(new int[][] {{60, 0, 4}, {60, 4, 8}, {67, 8, 12}, {67, 12, 16}, {69, 16, 20}, {69, 20, 24},
                {67, 24, 32}}, numSteps);
    }

    /**
     * The first two bars of the reel "Achonry Lasses" (the shared cre-irish corpus): dotted rhythms and
     * runs that the bundled 2-bar model's posterior mean gets wrong in 3 steps, the kind of melody
     * refinement is for.
     */
    static Melody reel(int numSteps) {
        return tiled(new int[][] {{62, 0, 1}, {64, 1, 3}, {66, 3, 4}, {67, 4, 8}, {67, 8, 10}, {71, 10, 12},
                {69, 12, 14}, {66, 14, 16}, {66, 16, 20}, {74, 20, 22}, {71, 22, 24}, {72, 24, 26}, {69, 26, 28},
                {71, 28, 30}, {67, 30, 32}}, numSteps);
    }

    /** The 2-bar notes repeated to fill {@code numSteps} (the peer's {@code tile}). */
    private static Melody tiled(int[][] twoBars, int numSteps) {
        List<Note> notes = new ArrayList<>();
        for (int offset = 0; offset + TWO_BARS <= numSteps; offset += TWO_BARS) {
            for (int[] n : twoBars) {
                notes.add(Note.of(n[0], n[1] + offset, n[2] + offset));
            }
        }
        return Melody.of(TimeGrid.SIXTEENTHS_4_4, Math.max(numSteps, TWO_BARS), notes);
    }
}
