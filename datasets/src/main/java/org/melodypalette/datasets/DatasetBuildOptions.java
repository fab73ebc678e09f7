package org.melodypalette.datasets;

import org.melodypalette.music.TimeGrid;

/**
 * Settings of {@code palette dataset build}; every one is recorded in the dataset's provenance.
 *
 * @param bars              bars per window (2 or 16 for the shipped models)
 * @param gapBars           a silence of at least this many bars splits phrases
 * @param maxSilentFraction windows with a larger share of silent steps are dropped
 * @param evalFraction      share of source files that go to the eval split
 * @param minPitch          lowest pitch of the model vocabulary
 * @param maxPitch          highest pitch of the model vocabulary
 * @param threads           files read in parallel
 */
public record DatasetBuildOptions(int bars, int gapBars, double maxSilentFraction, double evalFraction,
                                  int minPitch, int maxPitch, int threads) {

    /** 16th notes in 4/4: the only grid the melody models use. */
    public static final int STEPS_PER_BAR = TimeGrid.SIXTEENTHS_4_4.stepsPerBar();

    public DatasetBuildOptions {
        if (bars < 1 || bars > 64) {
            throw new IllegalArgumentException("bars " + bars + " is outside 1..64");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads " + threads + " must be positive");
        }
        new MelodyWindows(bars, gapBars, maxSilentFraction, minPitch, maxPitch);
        new SplitAssigner(evalFraction);
    }

    /** Magenta-like defaults: split at 1-bar silences, drop windows more than half silent, 10% eval. */
    public static DatasetBuildOptions defaults(int bars) {
        return new DatasetBuildOptions(bars, 1, 0.5, 0.1, LabelWindows.VOCABULARY.minPitch(),
                LabelWindows.VOCABULARY.maxPitch(),
                Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    public int numSteps() {
        return bars * STEPS_PER_BAR;
    }
}
