package org.melodypalette.music;

/**
 * The step grid a melody lives on: how many steps per quarter note, the time signature and the
 * tempo. A 4/4 bar at 4 steps per quarter has 16 steps (Magenta's 16th-note grid).
 *
 * @param stepsPerQuarter grid resolution, e.g. 4 for 16th notes
 * @param beatsPerBar     time-signature numerator
 * @param beatUnit        time-signature denominator (a power of two)
 * @param qpm             tempo in quarter notes per minute
 */
public record TimeGrid(int stepsPerQuarter, int beatsPerBar, int beatUnit, double qpm) {

    /** Magenta's default: 16th notes in 4/4 at 120 qpm, 16 steps per bar. */
    public static final TimeGrid SIXTEENTHS_4_4 = new TimeGrid(4, 4, 4, 120.0);

    public TimeGrid {
        if (stepsPerQuarter < 1 || stepsPerQuarter > 96) {
            throw new IllegalArgumentException("stepsPerQuarter " + stepsPerQuarter + " is outside 1..96");
        }
        if (beatsPerBar < 1 || beatsPerBar > 64) {
            throw new IllegalArgumentException("beatsPerBar " + beatsPerBar + " is outside 1..64");
        }
        if (beatUnit < 1 || beatUnit > 64 || Integer.bitCount(beatUnit) != 1) {
            throw new IllegalArgumentException("beatUnit " + beatUnit + " is not a power of two in 1..64");
        }
        if (!(qpm >= 1.0 && qpm <= 1000.0)) {
            throw new IllegalArgumentException("tempo " + qpm + " qpm is outside 1..1000");
        }
        if ((stepsPerQuarter * beatsPerBar * 4) % beatUnit != 0) {
            throw new IllegalArgumentException("a " + beatsPerBar + "/" + beatUnit
                    + " bar is not a whole number of steps at " + stepsPerQuarter + " steps per quarter");
        }
    }

    /** A grid with the given metre. */
    public static TimeGrid of(int stepsPerQuarter, Metre metre, double qpm) {
        return new TimeGrid(stepsPerQuarter, metre.beatsPerBar(), metre.beatUnit(), qpm);
    }

    /** The time signature of this grid. */
    public Metre metre() {
        return new Metre(beatsPerBar, beatUnit);
    }

    /** Steps in one bar: {@code stepsPerQuarter · beatsPerBar · 4 / beatUnit}. */
    public int stepsPerBar() {
        return stepsPerQuarter * beatsPerBar * 4 / beatUnit;
    }

    public TimeGrid withTempo(double newQpm) {
        return new TimeGrid(stepsPerQuarter, beatsPerBar, beatUnit, newQpm);
    }

    /** Seconds per step at this tempo. */
    public double secondsPerStep() {
        return 60.0 / (qpm * stepsPerQuarter);
    }
}
