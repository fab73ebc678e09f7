package org.melodypalette.midi;

import java.util.List;

/**
 * Where the steps of a step grid fall in a file's ticks: step {@code s} sits at tick
 * {@code offsetTicks + s · ticksPerStep}, with {@code ticksPerStep = ticksPerQuarter / stepsPerQuarter}
 * (120 at 480 PPQ and 16th notes).
 *
 * <p><b>Rounding.</b> A tick goes to the nearest step; a tick exactly halfway between two steps
 * goes to the later one (round half up). Ticks before step 0 go to step 0.
 *
 * <p><b>On grid.</b> A tick is on the grid when it lies within {@value #ON_GRID_TOLERANCE} of a
 * step from the nearest step: {@code |tick − offsetTicks − s · ticksPerStep| ≤ ticksPerStep / 8}
 * for some integer {@code s}, i.e. at most 15 ticks away at 480 PPQ and 16th notes (a 128th note).
 *
 * @param offsetTicks where step 0 sits; may be negative
 */
public record TickGrid(int ticksPerQuarter, int stepsPerQuarter, int offsetTicks) {

    /** How far from a grid line, in steps, an onset may be and still count as on the grid. */
    public static final double ON_GRID_TOLERANCE = 0.125;

    public TickGrid {
        if (ticksPerQuarter < 1) {
            throw new IllegalArgumentException("ticksPerQuarter " + ticksPerQuarter + " must be positive");
        }
        if (stepsPerQuarter < 1) {
            throw new IllegalArgumentException("stepsPerQuarter " + stepsPerQuarter + " must be positive");
        }
    }

    /**
     * The grid whose offset is the circular mean of the onsets' phases within one step: each onset
     * becomes an angle {@code 2π · (tick mod ticksPerStep) / ticksPerStep}, the offset is the
     * angle of their vector sum converted back to ticks and rounded, in
     * {@code [−ticksPerStep/2, ticksPerStep/2]}. It is 0 when there are no onsets or their phases
     * cancel out. Only the phase is estimated: an offset of whole steps cannot be seen.
     */
    public static TickGrid estimate(int ticksPerQuarter, int stepsPerQuarter, List<MidiNote> notes) {
        double ticksPerStep = (double) ticksPerQuarter / stepsPerQuarter;
        double sumCos = 0;
        double sumSin = 0;
        for (MidiNote note : notes) {
            double angle = 2 * Math.PI * (note.startTick() % ticksPerStep) / ticksPerStep;
            sumCos += Math.cos(angle);
            sumSin += Math.sin(angle);
        }
        boolean noDirection = Math.hypot(sumCos, sumSin) < 1e-9 * Math.max(1, notes.size());
        double meanAngle = noDirection ? 0 : Math.atan2(sumSin, sumCos);
        int offset = (int) Math.round(meanAngle / (2 * Math.PI) * ticksPerStep);
        return new TickGrid(ticksPerQuarter, stepsPerQuarter, offset);
    }

    public double ticksPerStep() {
        return (double) ticksPerQuarter / stepsPerQuarter;
    }

    /** The nearest step (half up), at least 0. */
    public int stepAt(long tick) {
        return (int) Math.max(0, Math.floor(stepsFromOrigin(tick) + 0.5));
    }

    /** Signed distance in steps from {@code tick} to its nearest grid line, in {@code [−0.5, 0.5)}. */
    public double deviation(long tick) {
        double steps = stepsFromOrigin(tick);
        return steps - Math.floor(steps + 0.5);
    }

    /** See the class comment. */
    public boolean isOnGrid(long tick) {
        return Math.abs(deviation(tick)) <= ON_GRID_TOLERANCE;
    }

    /** The share of the notes whose onset is on the grid; 1 for no notes. */
    public double onGridShare(List<MidiNote> notes) {
        if (notes.isEmpty()) {
            return 1.0;
        }
        long on = notes.stream().filter(note -> isOnGrid(note.startTick())).count();
        return (double) on / notes.size();
    }

    private double stepsFromOrigin(long tick) {
        return (tick - offsetTicks) / ticksPerStep();
    }
}
