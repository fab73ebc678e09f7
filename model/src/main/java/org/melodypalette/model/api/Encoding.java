package org.melodypalette.model.api;

import java.util.List;

/**
 * A melody's code as the workbench uses it: {@code z}, the refined code (the posterior mean when
 * refinement was off or could not improve on it), and {@code mean}, the encoder's posterior mean.
 * A hierarchical decoder's refinement may also move each bar's embedding (the conductor's output
 * from z that conditions the bar's note decoder) by an offset: decoding then uses
 * {@code conductor(z)[s] + barOffsets[s]} for bar s.
 *
 * @param z        the code to decode from
 * @param mean     the posterior mean {@code mu} (what magenta.js {@code encode} returns)
 * @param barOffsets one offset per bar, all of the bar embedding's size; empty = none (z alone)
 * @param exact    whether argmax decoding of {@code z} gives the melody back, step for step
 * @param mistakes steps whose teacher-forced argmax from {@code z} is not the melody's (0 when exact)
 * @param steps    gradient steps taken (0 = the mean)
 * @param millis   wall-clock time from the start of the encoding until this melody was done (in a batch:
 *                 of the whole batch's work until then)
 */
public record Encoding(LatentVector z, LatentVector mean, List<LatentVector> barOffsets, boolean exact, int mistakes,
                       int steps, double millis) {

    /** An encoding by z alone. */
    public Encoding(LatentVector z, LatentVector mean, boolean exact, int mistakes, int steps, double millis) {
        this(z, mean, List.of(), exact, mistakes, steps, millis);
    }

    public Encoding {
        if (z == null || mean == null || barOffsets == null) {
            throw new IllegalArgumentException("an encoding needs its code, its posterior mean and its bar offsets");
        }
        barOffsets = List.copyOf(barOffsets);
        for (LatentVector bar : barOffsets) {
            if (bar.size() != barOffsets.get(0).size()) {
                throw new IllegalArgumentException("bar offsets of sizes " + barOffsets.get(0).size() + " and "
                        + bar.size() + " in one encoding");
            }
        }
        if (z.size() != mean.size()) {
            throw new IllegalArgumentException("code and mean sizes differ: " + z.size() + " vs " + mean.size());
        }
        if (mistakes < 0 || steps < 0 || !(millis >= 0)) {
            throw new IllegalArgumentException("mistakes " + mistakes + ", steps " + steps + " and time " + millis
                    + " ms must not be negative");
        }
    }

    /** Whether decoding needs the bar offsets besides z. */
    public boolean hasBarOffsets() {
        return !barOffsets.isEmpty();
    }
}
