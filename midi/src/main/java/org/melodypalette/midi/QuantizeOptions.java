package org.melodypalette.midi;

import org.melodypalette.music.Metre;

/**
 * How a track becomes steps.
 *
 * @param stepsPerQuarter  grid resolution, 1..96 (4 = 16th notes, 16 steps per 4/4 bar)
 * @param offsetMode       where step 0 sits, see {@link OffsetMode}
 * @param fixedOffsetTicks the offset for {@link OffsetMode#FIXED}; must be 0 otherwise
 * @param metre            the metre of the resulting grid, or {@code null} to take the song's first
 *                         time signature (4/4 if it has none). Set it when the file's time signatures
 *                         are wrong, as in POP909 (its {@code index.csv} has the real metre)
 */
public record QuantizeOptions(int stepsPerQuarter, OffsetMode offsetMode, int fixedOffsetTicks, Metre metre) {

    /** Where step 0 of the grid sits in the file's ticks. */
    public enum OffsetMode {
        /** At tick 0. */
        NONE,
        /** At the circular mean of the track's onset phases ({@link TickGrid#estimate}). */
        ESTIMATE,
        /** At {@link QuantizeOptions#fixedOffsetTicks()}, e.g. a song's first beat from an annotation. */
        FIXED
    }

    /** 16th notes, grid from tick 0, the song's own metre. */
    public static final QuantizeOptions DEFAULT = new QuantizeOptions(4, OffsetMode.NONE, 0, null);

    public QuantizeOptions {
        if (stepsPerQuarter < 1 || stepsPerQuarter > 96) {
            throw new IllegalArgumentException("stepsPerQuarter " + stepsPerQuarter + " is outside 1..96");
        }
        if (offsetMode == null) {
            throw new IllegalArgumentException("offsetMode is required");
        }
        if (offsetMode != OffsetMode.FIXED && fixedOffsetTicks != 0) {
            throw new IllegalArgumentException("fixedOffsetTicks " + fixedOffsetTicks + " is only meaningful with FIXED");
        }
    }

    public QuantizeOptions withStepsPerQuarter(int steps) {
        return new QuantizeOptions(steps, offsetMode, fixedOffsetTicks, metre);
    }

    public QuantizeOptions withEstimatedOffset() {
        return new QuantizeOptions(stepsPerQuarter, OffsetMode.ESTIMATE, 0, metre);
    }

    public QuantizeOptions withFixedOffset(int ticks) {
        return new QuantizeOptions(stepsPerQuarter, OffsetMode.FIXED, ticks, metre);
    }

    public QuantizeOptions withoutOffset() {
        return new QuantizeOptions(stepsPerQuarter, OffsetMode.NONE, 0, metre);
    }

    /** Overrides the song's time signature ({@code null} restores it). */
    public QuantizeOptions withMetre(Metre newMetre) {
        return new QuantizeOptions(stepsPerQuarter, offsetMode, fixedOffsetTicks, newMetre);
    }

    /** The tick grid for a track of a file at {@code ticksPerQuarter}. */
    public TickGrid tickGrid(int ticksPerQuarter, MidiTrack track) {
        return switch (offsetMode) {
            case NONE -> new TickGrid(ticksPerQuarter, stepsPerQuarter, 0);
            case ESTIMATE -> TickGrid.estimate(ticksPerQuarter, stepsPerQuarter, track.notes());
            case FIXED -> new TickGrid(ticksPerQuarter, stepsPerQuarter, fixedOffsetTicks);
        };
    }
}
